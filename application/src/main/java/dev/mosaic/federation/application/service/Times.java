package dev.mosaic.federation.application.service;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/** Reads the clock at the precision the stores keep (microseconds, as PostgreSQL does). */
final class Times {
  private Times() {}

  static Instant now(InstantSource clock) {
    return micros(clock.instant());
  }

  /** {@code instant} at the precision the stores keep. */
  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
