package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.out.RateLimitDecision;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddressRateLimiterTest {
  private final MutableInstantSource clock =
      new MutableInstantSource(Instant.parse("2030-01-01T00:00:00Z"));
  private final AddressRateLimiter limiter = new AddressRateLimiter(clock, 2);

  @Test
  void tryAcquire_burstSpent_limitsForTheRefillTime() {
    assertThat(limiter.tryAcquire("10.0.0.1")).isInstanceOf(RateLimitDecision.Acquired.class);
    assertThat(limiter.tryAcquire("10.0.0.1")).isInstanceOf(RateLimitDecision.Acquired.class);

    assertThat(limiter.tryAcquire("10.0.0.1"))
        .isEqualTo(new RateLimitDecision.Limited(Duration.ofSeconds(30)));
  }

  @Test
  void tryAcquire_otherAddress_hasItsOwnBucket() {
    limiter.tryAcquire("10.0.0.1");
    limiter.tryAcquire("10.0.0.1");

    assertThat(limiter.tryAcquire("10.0.0.2")).isInstanceOf(RateLimitDecision.Acquired.class);
    assertThat(limiter.tryAcquire("10.0.0.1")).isInstanceOf(RateLimitDecision.Limited.class);
  }

  @Test
  void tryAcquire_refillsContinuouslyUpToTheCapacity() {
    limiter.tryAcquire("a");
    limiter.tryAcquire("a");
    clock.advance(Duration.ofHours(1));

    assertThat(limiter.tryAcquire("a")).isInstanceOf(RateLimitDecision.Acquired.class);
    assertThat(limiter.tryAcquire("a")).isInstanceOf(RateLimitDecision.Acquired.class);
    assertThat(limiter.tryAcquire("a")).isInstanceOf(RateLimitDecision.Limited.class);
  }

  @Test
  void tryAcquire_clockGoesBack_mintsNoTokens() {
    limiter.tryAcquire("a");
    limiter.tryAcquire("a");
    clock.advance(Duration.ofSeconds(-600));
    limiter.tryAcquire("a");
    clock.advance(Duration.ofSeconds(600));

    assertThat(limiter.tryAcquire("a")).isInstanceOf(RateLimitDecision.Limited.class);
  }

  @Test
  void create_nonPositiveRate_isRejected() {
    assertThatThrownBy(() -> new AddressRateLimiter(clock, 0))
        .hasMessageContaining("limits.enrollmentPerMinute");
  }
}
