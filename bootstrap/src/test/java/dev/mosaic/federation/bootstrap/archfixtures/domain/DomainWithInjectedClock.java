package dev.mosaic.federation.bootstrap.archfixtures.domain;

import java.time.Instant;
import java.time.InstantSource;

/** Good: time comes from an injected source. */
public final class DomainWithInjectedClock {
  private final InstantSource clock;

  public DomainWithInjectedClock(InstantSource clock) {
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }
}
