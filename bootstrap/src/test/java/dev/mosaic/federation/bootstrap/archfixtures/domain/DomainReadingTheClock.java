package dev.mosaic.federation.bootstrap.archfixtures.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** Bad: reads ambient time and randomness instead of injected sources. */
public final class DomainReadingTheClock {
  private DomainReadingTheClock() {}

  /** Bad. */
  public static Instant instantNow() {
    return Instant.now();
  }

  /** Bad. */
  public static UUID randomId() {
    return UUID.randomUUID();
  }

  /** Bad. */
  public static long millis() {
    return System.currentTimeMillis();
  }

  /** Bad. */
  public static LocalDateTime localNow() {
    return LocalDateTime.now();
  }

  /** Fine on its own (the clock is given), kept to show the rule does not flag it. */
  public static Instant from(Clock clock) {
    return Instant.now(clock);
  }
}
