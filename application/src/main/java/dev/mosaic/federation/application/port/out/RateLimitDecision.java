package dev.mosaic.federation.application.port.out;

import java.time.Duration;
import java.util.Objects;

/** The outcome of {@link RateLimiter#tryAcquire}. */
public sealed interface RateLimitDecision {
  /** A token was taken; go ahead. */
  record Acquired() implements RateLimitDecision {}

  /** No token; the next one is available after {@code retryAfter} (positive). */
  record Limited(Duration retryAfter) implements RateLimitDecision {
    public Limited {
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.isNegative() || retryAfter.isZero()) {
        throw new IllegalArgumentException("retryAfter must be positive");
      }
    }

    /** {@code Retry-After} in whole seconds: the ceiling, at least 1. */
    public long retryAfterSeconds() {
      long seconds = retryAfter.toSeconds();
      return Math.max(1, retryAfter.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1);
    }
  }
}
