package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.RateLimitDecision;
import dev.mosaic.federation.application.port.out.RateLimiter;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.scope.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/** A token bucket per grant on an injected clock; buckets start full. */
public final class InMemoryRateLimiter implements RateLimiter {
  private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

  private final InstantSource clock;
  private final Map<GrantId, Bucket> buckets = new HashMap<>();

  public InMemoryRateLimiter(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public synchronized RateLimitDecision tryAcquire(GrantId grant, RateLimit limit) {
    Instant now = clock.instant();
    Bucket bucket = buckets.computeIfAbsent(grant, g -> new Bucket(limit.burst(), now));
    long elapsed = Math.max(0, Duration.between(bucket.refilledAt, now).toNanos());
    double refill = (double) elapsed * limit.requestsPerMinute() / NANOS_PER_MINUTE;
    bucket.tokens = Math.min(limit.burst(), bucket.tokens + refill);
    bucket.refilledAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return new RateLimitDecision.Acquired();
    }
    double missing = 1 - bucket.tokens;
    long waitNanos = (long) Math.ceil(missing * NANOS_PER_MINUTE / limit.requestsPerMinute());
    return new RateLimitDecision.Limited(Duration.ofNanos(Math.max(1, waitNanos)));
  }

  private static final class Bucket {
    private double tokens;
    private Instant refilledAt;

    private Bucket(double tokens, Instant refilledAt) {
      this.tokens = tokens;
      this.refilledAt = refilledAt;
    }
  }
}
