package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.grant.GrantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code mosaic federation audit [--grant id] [--since ts] [--historical]}.
 *
 * @param historical also rows already moved to the cold table
 * @param limit at most this many rows (1 … 100 000)
 */
public record ReadAuditCommand(
    Optional<GrantId> grant, Optional<Instant> since, boolean historical, int limit) {
  public ReadAuditCommand {
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(since, "since");
  }
}
