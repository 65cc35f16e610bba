package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.grant.Grant;
import java.time.Duration;
import java.util.Objects;

/** 429: the grant's bucket is empty; the next token is available after {@code retryAfter}. */
public record RequestRateLimited(Grant grant, Duration retryAfter)
    implements IdentityCheck, Authorization {
  public RequestRateLimited {
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** {@code Retry-After} in whole seconds: the ceiling, at least 1. */
  public long retryAfterSeconds() {
    long seconds = retryAfter.toSeconds();
    return Math.max(1, retryAfter.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1);
  }
}
