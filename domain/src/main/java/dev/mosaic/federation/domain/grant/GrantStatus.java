package dev.mosaic.federation.domain.grant;

import java.util.Locale;
import java.util.Optional;

/** The lifecycle of a grant. {@link #REVOKED} is terminal. */
public enum GrantStatus {
  PENDING,
  ACTIVE,
  REVOKED,
  EXPIRED;

  /** The lowercase name used in listings and storage, e.g. {@code active}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status with this wire name, or empty. */
  public static Optional<GrantStatus> fromWire(String wireName) {
    for (GrantStatus s : values()) {
      if (s.wireName().equals(wireName)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
