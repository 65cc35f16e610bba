package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.CheckStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepCaHealthCheckTest {

  /** Bounded by the check's own timeout, never hung: the cap plus a margin for a loaded machine. */
  private static final Duration WITHIN_CAP = StepCaHealthCheck.TIMEOUT.plusSeconds(4);

  @BeforeAll
  static void requireStepCa() {
    TestStepCa.requireRunning();
  }

  @Test
  void check_realStepCaWithItsRootPinned_isOk() throws Exception {
    var check = new StepCaHealthCheck(TestStepCa.url(), TestStepCa.rootFile());

    CheckResult result = check.check();

    assertThat(check.name()).isEqualTo("ca");
    assertThat(result.status()).as(result.toString()).isEqualTo(CheckStatus.OK);
    assertThat(result.detail())
        .contains(Certificates.sha256Hex(Certificates.readSingle(TestStepCa.rootFile())));
  }

  @Test
  void check_anotherRootPinned_failsQuicklyWithRemedy(@TempDir Path dir) throws Exception {
    Path wrongRoot = dir.resolve("root.crt");
    Files.writeString(
        wrongRoot,
        TestPki.pem("CERTIFICATE", TestPki.selfSigned("Impostor Root", true).getEncoded()));

    CheckResult result = timed(new StepCaHealthCheck(TestStepCa.url(), wrongRoot));

    assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(result.detail()).contains("TLS");
    assertThat(result.remedy()).contains("pki.stepca.rootFile");
  }

  @Test
  void check_intermediatePinnedInsteadOfRoot_failsAsRootMismatch() {
    // TLS trusts the pinned intermediate, but /roots shows it is not the CA's root.
    CheckResult result =
        timed(new StepCaHealthCheck(TestStepCa.url(), TestStepCa.intermediateFile()));

    assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(result.detail()).contains("does not list the pinned root");
    assertThat(result.remedy()).contains("pki.stepca.rootFile");
  }

  @Test
  void check_closedPort_failsQuicklyWithRemedy() {
    CheckResult result =
        timed(new StepCaHealthCheck(TestStepCa.closedPortUrl(), TestStepCa.rootFile()));

    assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(result.detail()).contains("unreachable");
    assertThat(result.remedy()).contains("start step-ca");
  }

  @Test
  void check_missingRootFile_failsWithRemedy(@TempDir Path dir) {
    CheckResult result = timed(new StepCaHealthCheck(TestStepCa.url(), dir.resolve("absent.crt")));

    assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(result.detail()).contains("absent.crt");
    assertThat(result.remedy()).contains("pki.stepca.rootFile");
  }

  private static CheckResult timed(StepCaHealthCheck check) {
    long start = System.nanoTime();
    CheckResult result = check.check();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WITHIN_CAP);
    return result;
  }
}
