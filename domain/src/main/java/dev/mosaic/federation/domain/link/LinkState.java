package dev.mosaic.federation.domain.link;

import java.util.Locale;
import java.util.Optional;

/** The requesting side's view of a link. {@link #REVOKED} is terminal. */
public enum LinkState {
  ACTIVE,
  DEGRADED,
  REVOKED;

  /** The lowercase name used in status output and storage. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state with this wire name, or empty. */
  public static Optional<LinkState> fromWire(String wireName) {
    for (LinkState s : values()) {
      if (s.wireName().equals(wireName)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
