package dev.mosaic.federation.domain.audit;

import java.util.Locale;
import java.util.Optional;

/** The {@code outcome} column of the audit log. */
public enum AuditOutcome {
  ALLOWED,
  DENIED,
  RATE_LIMITED,
  NOT_FOUND,
  INVALID,
  ERROR;

  /** The stored name, e.g. {@code rate_limited}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The outcome with this stored name, or empty. */
  public static Optional<AuditOutcome> fromWire(String wireName) {
    for (AuditOutcome o : values()) {
      if (o.wireName().equals(wireName)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
