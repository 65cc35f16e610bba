package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.contract.DependencyCheckContract;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.CheckStatus;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import dev.mosaic.federation.domain.fixtures.Times;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCaHealthCheckTest extends DependencyCheckContract {

  @TempDir Path dir;

  @Override
  protected DependencyCheck createDependencyCheck() {
    if (!LocalCaStore.exists(dir)) {
      createCa(dir);
    }
    return new LocalCaHealthCheck(dir, TestLocalCa.sealer());
  }

  @Override
  protected CheckStatus expectedStatus() {
    return CheckStatus.OK;
  }

  @Test
  void check_createdCa_reportsTheRootFingerprint() {
    var ca = createCa(dir.resolve("b"));

    CheckResult result = new LocalCaHealthCheck(dir.resolve("b"), TestLocalCa.sealer()).check();

    assertThat(result.status()).isEqualTo(CheckStatus.OK);
    assertThat(result.detail()).contains(Certificates.sha256Hex(ca.root()));
  }

  @Test
  void check_caNotCreatedYet_isOkAndSaysSo() {
    CheckResult result =
        new LocalCaHealthCheck(dir.resolve("later/ca"), TestLocalCa.sealer()).check();

    assertThat(result.status()).isEqualTo(CheckStatus.OK);
    assertThat(result.detail()).contains("not created yet");
    assertThat(dir.resolve("later")).doesNotExist();
  }

  @Test
  void check_anotherSealingKey_failsWithRemedy() {
    createCa(dir.resolve("b"));

    CheckResult result =
        new LocalCaHealthCheck(
                dir.resolve("b"),
                new AesGcmKeySealer(TestLocalCa.OTHER_SEALING_KEY, new SecureRandom()))
            .check();

    assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(result.detail()).contains("secrets.sealingKey");
    assertThat(result.remedy()).contains("secrets.sealingKey");
  }

  @Test
  void check_directoryBelowAFile_fails() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");

    CheckResult result = new LocalCaHealthCheck(file.resolve("ca"), TestLocalCa.sealer()).check();

    assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(result.remedy()).contains("pki.local.dir");
  }

  private static LocalCaStore.Material createCa(Path target) {
    return LocalCaStore.loadOrCreate(
        target, TestLocalCa.sealer(), new MutableInstantSource(Times.T0), new SecureRandom());
  }
}
