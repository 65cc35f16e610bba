package dev.mosaic.federation.adapters.cache;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.RateLimitDecision;
import dev.mosaic.federation.application.port.out.RateLimiter;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.scope.RateLimit;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The gateway's {@link RateLimiter}: the shared buckets in Valkey, and — only when Valkey fails
 * ({@link InfrastructureException}) — an in-process bucket per grant with the same parameters (SPEC
 * §7), recorded in {@link RateLimitFallback}. While falling back, Valkey is tried again at most
 * every {@link #RETRY_SHARED}, so requests do not each wait for a connection timeout.
 */
@Singleton
final class FallbackRateLimiter implements RateLimiter {
  static final Duration RETRY_SHARED = Duration.ofSeconds(5);

  private final RateLimiter shared;
  private final RateLimitFallback fallback;
  private final InstantSource clock;
  private final InProcessTokenBuckets local = new InProcessTokenBuckets();
  private Instant nextSharedAttempt = Instant.MIN;

  @Inject
  FallbackRateLimiter(RedissonRateLimiter shared, RateLimitFallback fallback, InstantSource clock) {
    this((RateLimiter) shared, fallback, clock);
  }

  FallbackRateLimiter(RateLimiter shared, RateLimitFallback fallback, InstantSource clock) {
    this.shared = shared;
    this.fallback = fallback;
    this.clock = clock;
  }

  @Override
  public RateLimitDecision tryAcquire(GrantId grant, RateLimit limit) {
    Instant now = clock.instant();
    if (!now.isBefore(nextSharedAttempt())) {
      try {
        RateLimitDecision decision = shared.tryAcquire(grant, limit);
        fallback.sharedAgain();
        return decision;
      } catch (InfrastructureException e) {
        retrySharedAfter(now.plus(RETRY_SHARED));
      }
    }
    fallback.decidedLocally(now);
    return local.tryAcquire(grant, limit, now);
  }

  private synchronized Instant nextSharedAttempt() {
    return nextSharedAttempt;
  }

  private synchronized void retrySharedAfter(Instant at) {
    nextSharedAttempt = at;
  }
}
