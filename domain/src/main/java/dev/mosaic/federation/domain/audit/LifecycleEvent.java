package dev.mosaic.federation.domain.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * Lifecycle events written to the audit log's {@code event} column (requests use their verb: {@code
 * list}, {@code get}, {@code search}, {@code capabilities}).
 */
public enum LifecycleEvent {
  GRANT_CREATED,
  GRANT_ACTIVATED,
  SCOPE_CHANGED,
  GRANT_REVOKED,
  GRANT_EXPIRED,
  TOKEN_ISSUED,
  ENROLLED,
  ENROLLMENT_FAILED,
  RENEWED;

  /** The stored name, e.g. {@code grant_created}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The event with this stored name, or empty (e.g. for a request verb). */
  public static Optional<LifecycleEvent> fromWire(String wireName) {
    for (LifecycleEvent e : values()) {
      if (e.wireName().equals(wireName)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
