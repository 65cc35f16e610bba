package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.RateLimitDecision;
import dev.mosaic.federation.application.port.out.RateLimiter;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.scope.RateLimit;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RateLimiter}: a full bucket of {@code burst}, refilled at {@code requestsPerMinute}. Time
 * is driven through {@link #advanceClock}, so the adapter must read time from its injected clock.
 */
public abstract class RateLimiterContract {
  protected RateLimiter limiter;

  protected abstract RateLimiter createRateLimiter();

  /** Moves the limiter's clock forward. */
  protected abstract void advanceClock(Duration duration);

  @BeforeEach
  void setUpRateLimiterContract() {
    limiter = createRateLimiter();
  }

  private static GrantId aGrant() {
    return new GrantId(UUID.randomUUID());
  }

  @Test
  void tryAcquire_burstThenLimitedWithRetryAfterOfOneRefill() {
    GrantId grant = aGrant();
    RateLimit limit = new RateLimit(60, 3);

    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire(grant, limit)).isInstanceOf(RateLimitDecision.Acquired.class);
    }
    RateLimitDecision fourth = limiter.tryAcquire(grant, limit);

    assertThat(fourth).isInstanceOf(RateLimitDecision.Limited.class);
    Duration retryAfter = ((RateLimitDecision.Limited) fourth).retryAfter();
    assertThat(retryAfter).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(((RateLimitDecision.Limited) fourth).retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void tryAcquire_afterRetryAfter_succeedsAgain() {
    GrantId grant = aGrant();
    RateLimit limit = new RateLimit(30, 1);
    limiter.tryAcquire(grant, limit);
    RateLimitDecision limited = limiter.tryAcquire(grant, limit);
    assertThat(limited).isInstanceOf(RateLimitDecision.Limited.class);

    advanceClock(((RateLimitDecision.Limited) limited).retryAfter());

    assertThat(limiter.tryAcquire(grant, limit)).isInstanceOf(RateLimitDecision.Acquired.class);
  }

  @Test
  void tryAcquire_grantsHaveSeparateBuckets() {
    RateLimit limit = new RateLimit(1, 1);
    GrantId a = aGrant();
    limiter.tryAcquire(a, limit);

    assertThat(limiter.tryAcquire(a, limit)).isInstanceOf(RateLimitDecision.Limited.class);
    assertThat(limiter.tryAcquire(aGrant(), limit)).isInstanceOf(RateLimitDecision.Acquired.class);
  }

  @Test
  void tryAcquire_longIdle_refillsOnlyUpToBurst() {
    GrantId grant = aGrant();
    RateLimit limit = new RateLimit(600, 2);
    limiter.tryAcquire(grant, limit);

    advanceClock(Duration.ofHours(1));

    assertThat(limiter.tryAcquire(grant, limit)).isInstanceOf(RateLimitDecision.Acquired.class);
    assertThat(limiter.tryAcquire(grant, limit)).isInstanceOf(RateLimitDecision.Acquired.class);
    assertThat(limiter.tryAcquire(grant, limit)).isInstanceOf(RateLimitDecision.Limited.class);
  }
}
