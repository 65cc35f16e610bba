package dev.mosaic.federation.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.RateLimitDecision;
import dev.mosaic.federation.application.port.out.RateLimiter;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.scope.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FallbackRateLimiterTest {
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  static final RateLimit SIXTY_PER_MINUTE_BURST_2 = new RateLimit(60, 2);

  final MutableInstantSource clock = new MutableInstantSource(START);
  final RateLimitFallback fallback = new RateLimitFallback();
  final GrantId grant = new GrantId(UUID.randomUUID());
  final SwitchableShared shared = new SwitchableShared();
  final FallbackRateLimiter limiter = new FallbackRateLimiter(shared, fallback, clock);

  @Test
  void tryAcquire_sharedReachable_usesIt_andReportsNoFallback() {
    RateLimitDecision decision = limiter.tryAcquire(grant, SIXTY_PER_MINUTE_BURST_2);

    assertThat(decision).isInstanceOf(RateLimitDecision.Acquired.class);
    assertThat(shared.calls).hasValue(1);
    assertThat(fallback.since()).isEmpty();
    assertThat(fallback.decisions()).isZero();
  }

  @Test
  void tryAcquire_sharedFailing_stillLimitsWithTheSameParametersInProcess() {
    shared.failing = true;

    RateLimitDecision first = limiter.tryAcquire(grant, SIXTY_PER_MINUTE_BURST_2);
    RateLimitDecision second = limiter.tryAcquire(grant, SIXTY_PER_MINUTE_BURST_2);
    RateLimitDecision third = limiter.tryAcquire(grant, SIXTY_PER_MINUTE_BURST_2);
    clock.advance(Duration.ofMillis(999));
    RateLimitDecision tooEarly = limiter.tryAcquire(grant, SIXTY_PER_MINUTE_BURST_2);
    clock.advance(Duration.ofMillis(1));
    RateLimitDecision refilled = limiter.tryAcquire(grant, SIXTY_PER_MINUTE_BURST_2);

    assertThat(first).isInstanceOf(RateLimitDecision.Acquired.class);
    assertThat(second).isInstanceOf(RateLimitDecision.Acquired.class);
    assertThat(third).isEqualTo(new RateLimitDecision.Limited(Duration.ofSeconds(1)));
    assertThat(tooEarly).isEqualTo(new RateLimitDecision.Limited(Duration.ofMillis(1)));
    assertThat(refilled).isInstanceOf(RateLimitDecision.Acquired.class);
    assertThat(fallback.since()).contains(START);
    assertThat(fallback.decisions()).isEqualTo(5);
  }

  @Test
  void tryAcquire_whileFallingBack_retriesValkeyOnlyAfterTheRetryInterval_thenLeavesTheFallback() {
    shared.failing = true;
    limiter.tryAcquire(grant, SIXTY_PER_MINUTE_BURST_2);
    limiter.tryAcquire(grant, SIXTY_PER_MINUTE_BURST_2);
    int callsWhileDown = shared.calls.get();
    shared.failing = false;
    clock.advance(FallbackRateLimiter.RETRY_SHARED.minusMillis(1));
    limiter.tryAcquire(grant, SIXTY_PER_MINUTE_BURST_2);
    int callsBeforeRetry = shared.calls.get();
    clock.advance(Duration.ofMillis(1));
    RateLimitDecision back = limiter.tryAcquire(grant, SIXTY_PER_MINUTE_BURST_2);

    assertThat(callsWhileDown).isEqualTo(1);
    assertThat(callsBeforeRetry).isEqualTo(1);
    assertThat(shared.calls).hasValue(2);
    assertThat(back).isInstanceOf(RateLimitDecision.Acquired.class);
    assertThat(fallback.since()).isEmpty();
    assertThat(fallback.decisions()).isEqualTo(3);
  }

  @Test
  void tryAcquire_sharedFailsWithSomethingElse_isNotHidden() {
    RateLimiter broken =
        (g, l) -> {
          throw new IllegalStateException("a bug");
        };
    FallbackRateLimiter onBroken = new FallbackRateLimiter(broken, fallback, clock);

    assertThatThrownBy(() -> onBroken.tryAcquire(grant, SIXTY_PER_MINUTE_BURST_2))
        .isInstanceOf(IllegalStateException.class);
    assertThat(fallback.since()).isEmpty();
  }

  @Test
  void tryAcquire_inProcessBuckets_areSeparatePerGrant() {
    shared.failing = true;
    GrantId other = new GrantId(UUID.randomUUID());
    RateLimit one = new RateLimit(60, 1);

    RateLimitDecision mine = limiter.tryAcquire(grant, one);
    RateLimitDecision mineAgain = limiter.tryAcquire(grant, one);
    RateLimitDecision theirs = limiter.tryAcquire(other, one);

    assertThat(mine).isInstanceOf(RateLimitDecision.Acquired.class);
    assertThat(mineAgain).isInstanceOf(RateLimitDecision.Limited.class);
    assertThat(theirs).isInstanceOf(RateLimitDecision.Acquired.class);
  }

  /** A shared limiter that always grants, or throws as an unreachable Valkey does. */
  static final class SwitchableShared implements RateLimiter {
    final AtomicInteger calls = new AtomicInteger();
    volatile boolean failing;

    @Override
    public RateLimitDecision tryAcquire(GrantId grant, RateLimit limit) {
      calls.incrementAndGet();
      if (failing) {
        throw new InfrastructureException("Valkey failed: connection refused", true);
      }
      return new RateLimitDecision.Acquired();
    }
  }
}
