package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.in.RenewLinkResult;
import dev.mosaic.federation.domain.link.LinkState;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Renewal at T-7 days on the injected clock, with 30-day certificates (AC-5). */
class RenewalSchedulerTest {
  private static final Duration LIFETIME = Duration.ofDays(30);
  private static final Duration RENEW_BEFORE = Duration.ofDays(7);
  private static final RandomGenerator NO_JITTER = () -> 0L;
  private static final RandomGenerator MAX_JITTER = () -> -1L;

  private final RenewalWorld world = new RenewalWorld(LIFETIME);
  private final Instant enrolledAt = world.clock.instant();
  private final Instant notAfter = world.link().certificate().notAfter();

  private RenewalScheduler scheduler(RandomGenerator random) {
    return new RenewalScheduler(
        world.home.links(), world.renewal, new RenewalSettings(RENEW_BEFORE), world.clock, random);
  }

  @Test
  void tick_beforeTMinus7Days_renewsNothing_atTMinus7Days_renewsAndNoQueryFails() {
    RenewalScheduler scheduler = scheduler(NO_JITTER);
    world.clock.set(notAfter.minus(RENEW_BEFORE).minusSeconds(1));

    assertThat(scheduler.tick()).isEmpty();
    assertThat(world.querySucceeds()).isTrue();

    world.clock.advance(Duration.ofSeconds(1));
    List<RenewalScheduler.Attempt> attempts = scheduler.tick();

    assertThat(attempts)
        .singleElement()
        .satisfies(a -> assertThat(a.result()).isInstanceOf(RenewLinkResult.Renewed.class));
    assertThat(world.link().certificate().notAfter()).isAfter(notAfter);
    assertThat(world.querySucceeds()).isTrue();
    assertThat(scheduler.tick()).isEmpty();
  }

  @Test
  void tick_jitter_renewsUpTo10PercentOfRenewBeforeEarlier() {
    RenewalScheduler scheduler = scheduler(MAX_JITTER);
    Instant earliest = notAfter.minus(RENEW_BEFORE).minus(RENEW_BEFORE.dividedBy(10));
    world.clock.set(earliest.minusSeconds(1));
    assertThat(scheduler.tick()).isEmpty();

    world.clock.set(earliest.plusSeconds(1));
    assertThat(scheduler.tick()).hasSize(1);
  }

  @Test
  void tick_afterForwardClockJumpPastTheRenewalPoint_renewsAtTheNextTick() {
    RenewalScheduler scheduler = scheduler(NO_JITTER);
    assertThat(scheduler.tick()).isEmpty();

    world.clock.set(enrolledAt.plus(Duration.ofDays(25)));

    assertThat(scheduler.tick())
        .singleElement()
        .satisfies(a -> assertThat(a.result()).isInstanceOf(RenewLinkResult.Renewed.class));
  }

  @Test
  void ninetyDaysOfTicks_whileQueriesRunConcurrently_renewEveryCertificateAndNoQueryFails()
      throws InterruptedException {
    RenewalScheduler scheduler = scheduler(RandomGenerator.of("L64X128MixRandom"));
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger queries = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    Thread session =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (!done.get()) {
                    queries.incrementAndGet();
                    if (!world.querySucceeds()) {
                      failures.incrementAndGet();
                    }
                  }
                });
    int renewed = 0;
    Instant end = enrolledAt.plus(Duration.ofDays(90));
    while (world.clock.instant().isBefore(end)) {
      world.clock.advance(Duration.ofMinutes(30));
      for (RenewalScheduler.Attempt attempt : scheduler.tick()) {
        assertThat(attempt.result()).isInstanceOf(RenewLinkResult.Renewed.class);
        renewed++;
      }
      assertThat(world.work.pins()).hasSizeLessThanOrEqualTo(2);
      // a query takes milliseconds, not simulated days: let the session finish one that started
      // after this step before the clock moves on
      int started = queries.get();
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (queries.get() < started + 2 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
    }
    done.set(true);
    session.join();

    assertThat(renewed).isBetween(3, 5);
    assertThat(queries.get()).isPositive();
    assertThat(failures.get()).isZero();
    assertThat(world.work.refusedQueries()).isEmpty();
    assertThat(world.link().certificate().notAfter()).isAfter(end);
  }

  @Test
  void tick_failedRenewal_degradesRetriesWithCappedExponentialBackoffAndRecovers() {
    RenewalScheduler scheduler = scheduler(NO_JITTER);
    RenewalSettings settings = scheduler.settings();
    world.work.setCaDown(true);
    world.clock.set(notAfter.minus(RENEW_BEFORE));

    assertThat(scheduler.tick())
        .singleElement()
        .satisfies(a -> assertThat(a.result()).isInstanceOf(RenewLinkResult.Failed.class));
    assertThat(world.link().state()).isEqualTo(LinkState.DEGRADED);
    assertThat(world.querySucceeds()).isTrue();

    // first retry after one tick period, the next after two, then four ...
    world.clock.advance(settings.tickPeriod().minusSeconds(1));
    assertThat(scheduler.tick()).isEmpty();
    world.clock.advance(Duration.ofSeconds(1));
    assertThat(scheduler.tick()).hasSize(1);
    world.clock.advance(settings.tickPeriod().multipliedBy(2).minusSeconds(1));
    assertThat(scheduler.tick()).isEmpty();
    world.clock.advance(Duration.ofSeconds(1));
    assertThat(scheduler.tick()).hasSize(1);
    assertThat(scheduler.backoff(3)).isEqualTo(settings.tickPeriod().multipliedBy(4));
    assertThat(scheduler.backoff(30)).isEqualTo(Duration.ofHours(1));

    world.work.setCaDown(false);
    world.clock.advance(scheduler.backoff(3));
    assertThat(scheduler.tick())
        .singleElement()
        .satisfies(a -> assertThat(a.result()).isInstanceOf(RenewLinkResult.Renewed.class));
    assertThat(world.link().state()).isEqualTo(LinkState.ACTIVE);
  }

  @Test
  void tick_renewedMeanwhileByTheCli_forgetsTheBackoffAndPlansTheNewCertificate() {
    RenewalScheduler scheduler = scheduler(NO_JITTER);
    world.work.setCaDown(true);
    world.clock.set(notAfter.minus(RENEW_BEFORE));
    scheduler.tick();
    world.work.setCaDown(false);
    world.renewal.renew(world.linkId);
    CertificateFingerprint renewed = world.link().certificate().fingerprint();

    world.clock.advance(Duration.ofHours(2));

    assertThat(scheduler.tick()).isEmpty();
    assertThat(world.link().certificate().fingerprint()).isEqualTo(renewed);
  }

  @Test
  void tick_linkDegradedByAForcedRenewal_isRetriedAtTheNextTickThenWithBackoff() {
    RenewalScheduler scheduler = scheduler(NO_JITTER);
    assertThat(scheduler.tick()).isEmpty();
    world.work.setCaDown(true);
    world.renewal.renew(world.linkId);

    assertThat(scheduler.tick())
        .singleElement()
        .satisfies(a -> assertThat(a.result()).isInstanceOf(RenewLinkResult.Failed.class));
    assertThat(scheduler.tick()).isEmpty();
    world.work.setCaDown(false);
    world.clock.advance(scheduler.settings().tickPeriod());

    assertThat(scheduler.tick())
        .singleElement()
        .satisfies(a -> assertThat(a.result()).isInstanceOf(RenewLinkResult.Renewed.class));
    assertThat(world.link().state()).isEqualTo(LinkState.ACTIVE);
  }

  @Test
  void tick_revokedLink_isSkippedForever() {
    RenewalScheduler scheduler = scheduler(NO_JITTER);
    world.work.revoke();
    world.clock.set(notAfter.minus(RENEW_BEFORE));

    assertThat(scheduler.tick())
        .singleElement()
        .satisfies(a -> assertThat(a.result()).isInstanceOf(RenewLinkResult.Revoked.class));
    world.clock.advance(Duration.ofDays(1));

    assertThat(scheduler.tick()).isEmpty();
    assertThat(world.keys.generated()).hasSize(2);
  }

  @Test
  void settings_tickPeriodIsATwentiethOfRenewBeforeBetween1And30Seconds() {
    assertThat(new RenewalSettings(Duration.ofDays(7)).tickPeriod())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(new RenewalSettings(Duration.ofMinutes(1)).tickPeriod())
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(new RenewalSettings(Duration.ofSeconds(10)).tickPeriod())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(new RenewalSettings(Duration.ofMinutes(1)).maxBackoff())
        .isEqualTo(Duration.ofMillis(7500));
  }
}
