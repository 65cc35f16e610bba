package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.port.out.CheckStatus;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiModuleTest {

  @Test
  void module_realStepCaSettings_bindsCaPinnedToRootAndAnOkCaCheck() throws Exception {
    TestStepCa.requireRunning();
    var module = new PkiModule(TestStepCa.settings());

    var authority = module.certificateAuthority(InstantSource.system(), new SecureRandom());
    var check = module.caCheck();

    assertThat(authority.rootFingerprint().hex())
        .isEqualTo(Certificates.sha256Hex(Certificates.readSingle(TestStepCa.rootFile())));
    assertThat(check.name()).isEqualTo("ca");
    assertThat(check.check().status()).isEqualTo(CheckStatus.OK);
  }

  @Test
  void certificateAuthority_wrongPassword_failsNamingTheSetting(@TempDir Path dir)
      throws Exception {
    TestStepCa.requireRunning();
    Path wrong = dir.resolve("password");
    Files.writeString(wrong, "wrong");
    var base = TestStepCa.settings();
    var settings =
        new StepCaSettings(
            base.url(),
            base.rootFile(),
            base.provisionerName(),
            base.provisionerKeyFile(),
            wrong,
            base.oidArc(),
            base.certificateLifetime());

    assertThatThrownBy(
            () ->
                new PkiModule(settings)
                    .certificateAuthority(InstantSource.system(), new SecureRandom()))
        .isInstanceOfSatisfying(
            InfrastructureException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessageStartingWith("pki.stepca.provisionerKeyFile/passwordFile");
  }

  @Test
  void certificateAuthority_invalidOidArcOrMissingRoot_failsNamingTheSetting(@TempDir Path dir) {
    var base = TestStepCa.settings();
    var badArc =
        new StepCaSettings(
            base.url(),
            base.rootFile(),
            base.provisionerName(),
            base.provisionerKeyFile(),
            base.passwordFile(),
            "not-an-oid",
            base.certificateLifetime());
    var missingRoot =
        new StepCaSettings(
            base.url(),
            dir.resolve("absent.crt"),
            base.provisionerName(),
            base.provisionerKeyFile(),
            base.passwordFile(),
            base.oidArc(),
            base.certificateLifetime());

    assertThatThrownBy(
            () ->
                new PkiModule(badArc)
                    .certificateAuthority(InstantSource.system(), new SecureRandom()))
        .isInstanceOf(InfrastructureException.class)
        .hasMessageStartingWith("pki.oidArc");
    assertThatThrownBy(
            () ->
                new PkiModule(missingRoot)
                    .certificateAuthority(InstantSource.system(), new SecureRandom()))
        .isInstanceOf(InfrastructureException.class)
        .hasMessageStartingWith("pki.stepca.rootFile");
  }
}
