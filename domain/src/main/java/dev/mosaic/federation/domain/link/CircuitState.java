package dev.mosaic.federation.domain.link;

import java.util.Locale;

/** The per-peer circuit breaker on the requesting side (SPEC §5.5). */
public enum CircuitState {
  CLOSED,
  OPEN,
  HALF_OPEN;

  /** The lowercase name used in status output and storage. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
