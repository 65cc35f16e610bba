package dev.mosaic.federation.application.port.in;

import java.time.Duration;
import java.util.Objects;

/**
 * 429 {@code rate_limited}: the grant's bucket is empty. Send {@code Retry-After: }{@link
 * #retryAfterSeconds()} and {@code error.retryAfterMs} = {@link #retryAfterMs()}.
 */
public record ServeRateLimited(Duration retryAfter) implements ServeFailure {
  public static final String MESSAGE = "rate limit exceeded";

  public ServeRateLimited {
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** Whole seconds, the ceiling, at least 1. */
  public long retryAfterSeconds() {
    long seconds = retryAfter.toSeconds();
    return Math.max(1, retryAfter.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1);
  }

  /** Milliseconds, the ceiling, at least 1. */
  public long retryAfterMs() {
    long millis = retryAfter.toMillis();
    return Math.max(1, retryAfter.equals(Duration.ofMillis(millis)) ? millis : millis + 1);
  }
}
