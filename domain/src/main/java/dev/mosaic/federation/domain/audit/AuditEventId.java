package dev.mosaic.federation.domain.audit;

import dev.mosaic.federation.domain.common.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identifies one row of the federation audit log. */
public record AuditEventId(UUID value) {
  public AuditEventId {
    Objects.requireNonNull(value, "value");
  }

  public static AuditEventId of(UUID value) {
    return new AuditEventId(value);
  }

  /**
   * Parses the canonical textual form of a UUID.
   *
   * @throws IllegalArgumentException when {@code text} is not a UUID
   */
  public static AuditEventId parse(String text) {
    return new AuditEventId(Uuids.parseCanonical(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
