package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.out.RateLimitDecision;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process token bucket per client address for the unauthenticated endpoints ({@code
 * limits.enrollmentPerMinute}): capacity {@code perMinute}, refilled continuously at {@code
 * perMinute} tokens a minute, time from the injected clock (a clock going back refills nothing).
 * Buckets that are full again are dropped once more than {@value #PRUNE_ABOVE} addresses are
 * tracked, so memory stays bounded under a scan.
 */
final class AddressRateLimiter {
  private static final int PRUNE_ABOVE = 10_000;
  private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

  private record Bucket(double tokens, Instant at) {}

  private final InstantSource clock;
  private final int perMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  AddressRateLimiter(InstantSource clock, int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("limits.enrollmentPerMinute must be > 0");
    }
    this.clock = clock;
    this.perMinute = perMinute;
  }

  /** Takes a token from {@code address}'s bucket, or says when the next one is there. */
  RateLimitDecision tryAcquire(String address) {
    Instant now = clock.instant();
    if (buckets.size() > PRUNE_ABOVE) {
      buckets.entrySet().removeIf(entry -> refilled(entry.getValue(), now) >= perMinute);
    }
    RateLimitDecision[] decision = new RateLimitDecision[1];
    buckets.compute(
        address,
        (key, bucket) -> {
          double tokens = bucket == null ? perMinute : refilled(bucket, now);
          Instant at = bucket == null || now.isAfter(bucket.at()) ? now : bucket.at();
          if (tokens >= 1) {
            decision[0] = new RateLimitDecision.Acquired();
            return new Bucket(tokens - 1, at);
          }
          long waitNanos = (long) Math.ceil((1 - tokens) * NANOS_PER_MINUTE / perMinute);
          decision[0] = new RateLimitDecision.Limited(Duration.ofNanos(Math.max(1, waitNanos)));
          return new Bucket(tokens, at);
        });
    return decision[0];
  }

  private double refilled(Bucket bucket, Instant now) {
    long elapsed = Math.max(0, Duration.between(bucket.at(), now).toNanos());
    return Math.min(perMinute, bucket.tokens() + (double) elapsed * perMinute / NANOS_PER_MINUTE);
  }
}
