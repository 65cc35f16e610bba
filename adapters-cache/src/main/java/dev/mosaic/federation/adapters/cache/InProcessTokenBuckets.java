package dev.mosaic.federation.adapters.cache;

import dev.mosaic.federation.application.port.out.RateLimitDecision;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.scope.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One token bucket per grant in this process, with the parameters of the shared one (capacity
 * {@code burst}, one token every {@code 60 s / requestsPerMinute}), kept in the same GCRA form: the
 * instant after which the bucket is full again.
 */
final class InProcessTokenBuckets {
  private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

  private final Map<GrantId, Instant> fullAt = new HashMap<>();

  synchronized RateLimitDecision tryAcquire(GrantId grant, RateLimit limit, Instant now) {
    Duration interval =
        Duration.ofNanos(Math.ceilDiv(NANOS_PER_MINUTE, (long) limit.requestsPerMinute()));
    Duration capacity = interval.multipliedBy(limit.burst());
    Instant tat = fullAt.getOrDefault(grant, now);
    if (tat.isBefore(now)) {
      tat = now;
    }
    Instant next = tat.plus(interval);
    Duration wait = Duration.between(now, next.minus(capacity));
    if (wait.isPositive()) {
      return new RateLimitDecision.Limited(wait);
    }
    fullAt.put(grant, next);
    return new RateLimitDecision.Acquired();
  }
}
