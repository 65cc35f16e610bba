package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.grant.GrantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit rows to read.
 *
 * @param grantId only rows of this grant
 * @param since only rows with {@code occurred_at >= since}
 * @param includeHistorical also rows moved to the cold table
 * @param limit at most this many rows (1 … 100 000)
 */
public record AuditQuery(
    Optional<GrantId> grantId, Optional<Instant> since, boolean includeHistorical, int limit) {
  public static final int MAX_LIMIT = 100_000;

  public AuditQuery {
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(since, "since");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
  }

  /** Every recent (non-historical) row, up to {@code limit}. */
  public static AuditQuery recent(int limit) {
    return new AuditQuery(Optional.empty(), Optional.empty(), false, limit);
  }

  public AuditQuery forGrant(GrantId grant) {
    return new AuditQuery(Optional.of(grant), since, includeHistorical, limit);
  }

  public AuditQuery since(Instant from) {
    return new AuditQuery(grantId, Optional.of(from), includeHistorical, limit);
  }

  public AuditQuery historical() {
    return new AuditQuery(grantId, since, true, limit);
  }
}
