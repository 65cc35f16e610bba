package dev.mosaic.federation.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mosaic.federation.application.contract.RateLimiterContract;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.RateLimitDecision;
import dev.mosaic.federation.application.port.out.RateLimitDecision.Acquired;
import dev.mosaic.federation.application.port.out.RateLimitDecision.Limited;
import dev.mosaic.federation.application.port.out.RateLimiter;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.scope.RateLimit;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * The Valkey token bucket against a real server: the port's contract on a test clock ({@link
 * RedissonRateLimiter#withClock}), then the production form on the server's own clock — shared by
 * replicas, atomic under concurrency, refilling in real time, and tidy in Valkey.
 */
class RedissonRateLimiterTest extends RateLimiterContract {
  /** One token a minute: nothing refills during a test. */
  private static final int NO_REFILL = 1;

  private static RedissonClient replicaA;
  private static RedissonClient replicaB;

  @BeforeAll
  static void connect() {
    replicaA = TestValkey.client();
    replicaB = TestValkey.client();
  }

  @AfterAll
  static void disconnect() {
    for (RedissonClient replica : new RedissonClient[] {replicaA, replicaB}) {
      if (replica != null) {
        RedissonClients.shutdown(replica);
      }
    }
  }

  private MutableInstantSource clock;

  @Override
  protected RateLimiter createRateLimiter() {
    clock = new MutableInstantSource(Times.T0);
    return RedissonRateLimiter.withClock(replicaA, clock);
  }

  @Override
  protected void advanceClock(Duration duration) {
    clock.advance(duration);
  }

  @Test
  void tryAcquire_beyondBurst_isLimitedUntilTheNextToken() {
    var limiter = new RedissonRateLimiter(replicaA);
    GrantId grant = newGrant();
    RateLimit limit = new RateLimit(NO_REFILL, 3);

    List<RateLimitDecision> decisions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      decisions.add(limiter.tryAcquire(grant, limit));
    }

    assertThat(decisions.subList(0, 3)).allMatch(Acquired.class::isInstance);
    assertThat(decisions.get(3))
        .isInstanceOfSatisfying(
            Limited.class,
            limited -> {
              assertThat(limited.retryAfter())
                  .isPositive()
                  .isLessThanOrEqualTo(Duration.ofMinutes(1))
                  .isGreaterThan(Duration.ofSeconds(50));
              assertThat(limited.retryAfterSeconds()).isBetween(51L, 60L);
            });
  }

  @Test
  void tryAcquire_afterRetryAfterPasses_acquiresAgain() {
    var limiter = new RedissonRateLimiter(replicaA);
    GrantId grant = newGrant();
    RateLimit limit = new RateLimit(1200, 1); // a token every 50 ms

    assertThat(limiter.tryAcquire(grant, limit)).isInstanceOf(Acquired.class);
    assertThat(limiter.tryAcquire(grant, limit))
        .isInstanceOfSatisfying(
            Limited.class,
            limited -> assertThat(limited.retryAfter()).isLessThanOrEqualTo(Duration.ofMillis(50)));

    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> limiter.tryAcquire(grant, limit) instanceof Acquired);
  }

  @Test
  void tryAcquire_fromTwoReplicas_drawsFromOneBucket() {
    var onA = new RedissonRateLimiter(replicaA);
    var onB = new RedissonRateLimiter(replicaB);
    GrantId grant = newGrant();
    RateLimit limit = new RateLimit(NO_REFILL, 4);

    assertThat(onA.tryAcquire(grant, limit)).isInstanceOf(Acquired.class);
    assertThat(onB.tryAcquire(grant, limit)).isInstanceOf(Acquired.class);
    assertThat(onA.tryAcquire(grant, limit)).isInstanceOf(Acquired.class);
    assertThat(onB.tryAcquire(grant, limit)).isInstanceOf(Acquired.class);

    assertThat(onA.tryAcquire(grant, limit)).isInstanceOf(Limited.class);
    assertThat(onB.tryAcquire(grant, limit)).isInstanceOf(Limited.class);
  }

  @Test
  void tryAcquire_concurrentlyFromTwoReplicas_neverExceedsBurst() throws Exception {
    List<RedissonRateLimiter> replicas =
        List.of(new RedissonRateLimiter(replicaA), new RedissonRateLimiter(replicaB));
    GrantId grant = newGrant();
    RateLimit limit = new RateLimit(NO_REFILL, 10);

    List<Callable<RateLimitDecision>> attempts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      RedissonRateLimiter replica = replicas.get(i % 2);
      attempts.add(() -> replica.tryAcquire(grant, limit));
    }
    long acquired;
    try (ExecutorService threads = Executors.newFixedThreadPool(12)) {
      acquired = 0;
      for (Future<RateLimitDecision> decision : threads.invokeAll(attempts)) {
        if (decision.get() instanceof Acquired) {
          acquired++;
        }
      }
    }

    assertThat(acquired).isEqualTo(10);
  }

  @Test
  void tryAcquire_keepsTheBucketUnderItsNamespaceWithAnExpiry() {
    var limiter = new RedissonRateLimiter(replicaA);
    GrantId grant = newGrant();

    limiter.tryAcquire(grant, new RateLimit(60, 5)); // one token refills in a second

    String key = "mosaic:ratelimit:" + grant.value();
    long millisToLive = replicaA.getBucket(key).remainTimeToLive();
    assertThat(millisToLive).isPositive().isLessThanOrEqualTo(1_000);
  }

  @Test
  void tryAcquire_whenValkeyIsUnreachable_failsFastWithATransientInfrastructureException()
      throws IOException {
    RedissonClient dead = RedissonClients.create(ValkeySettings.of(TestValkey.unusedAddress()));
    try {
      var limiter = new RedissonRateLimiter(dead);
      long started = System.nanoTime();

      assertThatThrownBy(() -> limiter.tryAcquire(newGrant(), new RateLimit(60, 5)))
          .isInstanceOfSatisfying(
              InfrastructureException.class, failure -> assertThat(failure.isTransient()).isTrue())
          .hasMessageContaining("rate-limit token");
      // bounded by the client's connect timeout (never a hang); the margin absorbs a loaded machine
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    } finally {
      RedissonClients.shutdown(dead);
    }
  }

  private static GrantId newGrant() {
    return new GrantId(UUID.randomUUID());
  }
}
