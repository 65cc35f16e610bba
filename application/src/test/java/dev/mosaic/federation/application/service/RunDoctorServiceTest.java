package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mosaic.federation.application.fake.FakeDependencyCheck;
import dev.mosaic.federation.application.port.in.CheckOutcome;
import dev.mosaic.federation.application.port.in.DoctorReport;
import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.CheckStatus;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RunDoctorServiceTest {
  private static final Duration SHORT_CAP = Duration.ofMillis(300);

  private final CountDownLatch never = new CountDownLatch(1);

  private static DoctorReport run(Duration cap, DependencyCheck... checks) {
    return new RunDoctorService(Set.of(checks), cap).run();
  }

  @Test
  void run_allOk_isSatisfiedAndOrderedByName() {
    DoctorReport report =
        run(
            RunDoctorService.PROBE_CAP,
            FakeDependencyCheck.answering("valkey", CheckResult.ok("reachable")),
            FakeDependencyCheck.answering("database", CheckResult.ok("reachable")));

    assertThat(report.satisfied()).isTrue();
    assertThat(report.outcomes())
        .extracting(CheckOutcome::name)
        .containsExactly("database", "valkey");
  }

  @Test
  void run_warning_isStillSatisfied() {
    DoctorReport report =
        run(
            RunDoctorService.PROBE_CAP,
            FakeDependencyCheck.answering("clock", CheckResult.warn("skew 2 s", "sync NTP")));

    assertThat(report.satisfied()).isTrue();
  }

  @Test
  void run_oneFailure_isNotSatisfied() {
    DoctorReport report =
        run(
            RunDoctorService.PROBE_CAP,
            FakeDependencyCheck.answering("database", CheckResult.ok("reachable")),
            FakeDependencyCheck.answering(
                "vector", CheckResult.fail("extension missing", "CREATE EXTENSION vector")));

    assertThat(report.satisfied()).isFalse();
    assertThat(report.outcomes().get(1).result().remedy()).isEqualTo("CREATE EXTENSION vector");
  }

  @Test
  void run_hangingProbes_areAbandonedAtTheCapInParallel() {
    try {
      DoctorReport report =
          assertTimeoutPreemptively(
              Duration.ofSeconds(5),
              () ->
                  run(
                      SHORT_CAP,
                      FakeDependencyCheck.hangingUntil("ca", never),
                      FakeDependencyCheck.hangingUntil("database", never),
                      ignoringInterrupts("valkey"),
                      FakeDependencyCheck.answering("clock", CheckResult.ok("in sync"))));

      assertThat(report.satisfied()).isFalse();
      assertThat(report.outcomes())
          .filteredOn(o -> !o.name().equals("clock"))
          .allSatisfy(
              o -> {
                assertThat(o.result().status()).isEqualTo(CheckStatus.FAIL);
                assertThat(o.result().detail()).isEqualTo("no answer within 300 ms");
                assertThat(o.result().remedy()).contains(o.name());
              });
      assertThat(report.outcomes())
          .filteredOn(o -> o.name().equals("clock"))
          .singleElement()
          .satisfies(o -> assertThat(o.result().status()).isEqualTo(CheckStatus.OK));
    } finally {
      never.countDown();
    }
  }

  @Test
  void run_throwingProbe_isReportedAsFailureWithTheMessage() {
    DoctorReport report =
        run(
            RunDoctorService.PROBE_CAP,
            FakeDependencyCheck.throwing("ca", new IllegalStateException("root file missing")));

    CheckResult result = report.outcomes().getFirst().result();
    assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(result.detail()).contains("root file missing");
    assertThat(result.remedy()).isNotBlank();
  }

  @Test
  void run_probeReturningNull_isAFailure() {
    DoctorReport report =
        run(RunDoctorService.PROBE_CAP, new FakeDependencyCheck("odd", () -> null));

    assertThat(report.outcomes().getFirst().result().status()).isEqualTo(CheckStatus.FAIL);
  }

  @Test
  void run_noChecks_isSatisfied() {
    assertThat(new RunDoctorService(Set.of()).run().outcomes()).isEmpty();
  }

  private FakeDependencyCheck ignoringInterrupts(String name) {
    return new FakeDependencyCheck(
        name,
        () -> {
          while (never.getCount() > 0) {
            try {
              never.await();
            } catch (InterruptedException ignored) {
              // a badly behaved probe
            }
          }
          return CheckResult.ok("late");
        });
  }
}
