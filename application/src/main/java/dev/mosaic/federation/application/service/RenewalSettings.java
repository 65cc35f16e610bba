package dev.mosaic.federation.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * The requesting side's renewal rule (SPEC §4): renew when the remaining lifetime of a link's
 * certificate falls under {@code pki.renewBefore}, up to 10 % of it earlier (jitter).
 */
public record RenewalSettings(Duration renewBefore) {
  static final Duration MAX_TICK = Duration.ofSeconds(30);
  static final Duration MIN_TICK = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofHours(1);

  public RenewalSettings {
    Objects.requireNonNull(renewBefore, "renewBefore");
    if (!renewBefore.isPositive()) {
      throw new IllegalArgumentException("renewBefore must be positive");
    }
  }

  /**
   * How often the wall clock is compared with each link's renewal time: renewBefore / 20, at most
   * 30 s, at least 1 s. Short, so a suspend or a clock jump is noticed within one period.
   */
  public Duration tickPeriod() {
    Duration period = renewBefore.dividedBy(20);
    if (period.compareTo(MAX_TICK) > 0) {
      return MAX_TICK;
    }
    return period.compareTo(MIN_TICK) < 0 ? MIN_TICK : period;
  }

  /** The longest wait between retries of a failed renewal: renewBefore / 8, 1 h at most. */
  public Duration maxBackoff() {
    Duration cap = renewBefore.dividedBy(8);
    cap = cap.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : cap;
    return cap.compareTo(tickPeriod()) < 0 ? tickPeriod() : cap;
  }

  /** The largest jitter: 10 % of renewBefore. */
  public Duration maxJitter() {
    return renewBefore.dividedBy(10);
  }
}
