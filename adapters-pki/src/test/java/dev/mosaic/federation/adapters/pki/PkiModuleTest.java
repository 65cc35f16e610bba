package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.fake.InMemoryRevokedCertificateRepository;
import dev.mosaic.federation.application.port.out.CertificateReading;
import dev.mosaic.federation.application.port.out.CheckStatus;
import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.CsrVerification;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.SealedSecret;
import dev.mosaic.federation.domain.user.UserId;
import jakarta.inject.Provider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module's providers, called directly (unit tests never build a Dagger graph). */
class PkiModuleTest {

  private static final URI PUBLIC_URL = URI.create("https://127.0.0.1:8443");

  @TempDir Path dir;

  private final InstantSource clock = InstantSource.system();
  private final SecureRandom random = new SecureRandom();
  private final InMemoryRevokedCertificateRepository revoked =
      new InMemoryRevokedCertificateRepository();

  @Test
  void localMode_bindsTheLocalCaWithoutTouchingStepCa() {
    PkiSettings settings = TestLocalCa.settings(dir, PUBLIC_URL);

    ServingAuthority authority =
        PkiModule.servingAuthority(settings, () -> local(settings), unexpected("step-ca"));

    assertThat(authority).isInstanceOf(LocalCertificateAuthority.class);
    assertThat(PkiModule.caRoot(authority)).isEqualTo(authority.root());
    assertThat(authority.rootFingerprint().hex())
        .isEqualTo(Certificates.sha256Hex(authority.root()));
    assertThat(authority.currentCrl()).isPresent();
  }

  @Test
  void localMode_caCheckLoadsTheCaWithTheSealingKey() {
    PkiSettings settings = TestLocalCa.settings(dir, PUBLIC_URL);
    local(settings);

    var check = PkiModule.caCheck(settings, () -> keySealer());

    assertThat(check).isInstanceOf(LocalCaHealthCheck.class);
    assertThat(check.name()).isEqualTo("ca");
    assertThat(check.check().status()).isEqualTo(CheckStatus.OK);
  }

  @Test
  void localMode_serverKeyManagerServesACertificateForThePublicHost() throws Exception {
    PkiSettings settings = TestLocalCa.settings(dir, PUBLIC_URL);
    ServingAuthority authority = local(settings);

    X509ExtendedKeyManager manager = PkiModule.serverKeyManager(settings, authority, clock, random);

    X509Certificate[] chain =
        manager.getCertificateChain(manager.chooseServerAlias("EC", null, null));
    assertThat(chain[0].getSubjectAlternativeNames()).containsExactly(List.of(7, "127.0.0.1"));
    assertThat(chain[0].getExtendedKeyUsage()).containsExactly(CertificateProfiles.SERVER_AUTH);
    assertThat(CertificateProfiles.chainProblem(List.of(chain), authority.root(), clock.instant()))
        .isEmpty();
  }

  @Test
  void operatorFiles_serverKeyManagerServesThemAndNeverRenews() throws Exception {
    ServingAuthority authority = local(TestLocalCa.settings(dir, PUBLIC_URL));
    var key = TestPki.p256();
    List<X509Certificate> chain = authority.issueServerCertificate(ServerName.of(PUBLIC_URL), key);
    Path certificateFile =
        Files.writeString(
            dir.resolve("server.crt"),
            Certificates.toPem(chain.get(0)) + Certificates.toPem(chain.get(1)));
    Path keyFile =
        Files.writeString(
            dir.resolve("server.key"), EcKeyPem.write((ECPrivateKey) key.getPrivate()));
    PkiSettings settings =
        withServerFiles(
            TestLocalCa.settings(dir, PUBLIC_URL),
            new PkiSettings.ServerCertificateFiles(certificateFile, keyFile));

    X509ExtendedKeyManager manager = PkiModule.serverKeyManager(settings, authority, clock, random);

    String alias = manager.chooseServerAlias("EC", null, null);
    assertThat(manager.getCertificateChain(alias)).containsExactlyElementsOf(chain);
    assertThat(manager)
        .isInstanceOfSatisfying(
            RenewingServerKeyManager.class,
            m -> assertThat(m.currentCertificate()).isEqualTo(chain.getFirst()));
  }

  @Test
  void keySealerClientKeyFactoryAndReader_workTogether() {
    var sealer = keySealer();
    var material = PkiModule.clientKeyFactory(random).generate(PeerName.parse("home.example"));
    var grant = GrantId.of(UUID.randomUUID());
    var issued =
        local(TestLocalCa.settings(dir, PUBLIC_URL))
            .issueClientCertificate(
                new ClientCertificateRequest(
                    material.csr(),
                    PeerName.parse("home.example"),
                    grant,
                    UserId.of(UUID.randomUUID())));

    SealedSecret sealed = sealer.seal(material.privateKeyPkcs8());
    var read =
        (CertificateReading.Read)
            PkiModule.certificateReader(TestLocalCa.settings(dir, PUBLIC_URL)).read(issued.pem());

    assertThat(keySealer().open(sealed))
        .hasValueSatisfying(p -> assertThat(p).isEqualTo(material.privateKeyPkcs8()));
    assertThat(read.grantId()).contains(grant);
    assertThat(read.publicKey()).isEqualTo(material.publicKey());
    assertThat(PkiModule.csrVerifier().verify(material.csr()))
        .isInstanceOf(CsrVerification.Accepted.class);
  }

  @Test
  void stepCaMode_bindsTheCaPinnedToItsRootAndAnOkCaCheckWithoutTouchingTheLocalCa()
      throws Exception {
    TestStepCa.requireRunning();
    PkiSettings settings = TestStepCa.pkiSettings();

    ServingAuthority authority =
        PkiModule.servingAuthority(
            settings,
            unexpected("the local CA"),
            () -> PkiModule.stepCaCertificateAuthority(settings, clock, random));
    var check = PkiModule.caCheck(settings, unexpected("the key sealer"));

    assertThat(authority).isInstanceOf(StepCaCertificateAuthority.class);
    assertThat(authority.rootFingerprint().hex())
        .isEqualTo(Certificates.sha256Hex(Certificates.readSingle(TestStepCa.rootFile())));
    assertThat(PkiModule.caRoot(authority))
        .isEqualTo(Certificates.readSingle(TestStepCa.rootFile()));
    assertThat(check.name()).isEqualTo("ca");
    assertThat(check.check().status()).isEqualTo(CheckStatus.OK);
  }

  @Test
  void stepCaMode_serverKeyManagerIsIssuedByStepCa() throws Exception {
    TestStepCa.requireRunning();
    PkiSettings settings = TestStepCa.pkiSettings();
    var authority = PkiModule.stepCaCertificateAuthority(settings, clock, random);

    X509ExtendedKeyManager manager = PkiModule.serverKeyManager(settings, authority, clock, random);

    X509Certificate[] chain =
        manager.getCertificateChain(manager.chooseServerAlias("EC", null, null));
    assertThat(chain[0].getSubjectAlternativeNames()).containsExactly(List.of(7, "127.0.0.1"));
    assertThat(chain[0].getExtendedKeyUsage()).containsExactly(CertificateProfiles.SERVER_AUTH);
    assertThat(CertificateProfiles.chainProblem(List.of(chain), authority.root(), clock.instant()))
        .isEmpty();
  }

  @Test
  void stepCaMode_wrongPassword_failsNamingTheSetting() throws Exception {
    TestStepCa.requireRunning();
    Path wrong = Files.writeString(dir.resolve("password"), "wrong");
    var base = TestStepCa.settings();
    var settings =
        withStepCa(
            new StepCaSettings(
                base.url(),
                base.rootFile(),
                base.provisionerName(),
                base.provisionerKeyFile(),
                wrong));

    assertThatThrownBy(() -> PkiModule.stepCaCertificateAuthority(settings, clock, random))
        .isInstanceOfSatisfying(
            InfrastructureException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessageStartingWith("pki.stepca.provisionerKeyFile/passwordFile");
  }

  @Test
  void stepCaMode_missingRoot_failsNamingTheSetting() {
    var base = TestStepCa.settings();
    var settings =
        withStepCa(
            new StepCaSettings(
                base.url(),
                dir.resolve("absent.crt"),
                base.provisionerName(),
                base.provisionerKeyFile(),
                base.passwordFile()));

    assertThatThrownBy(() -> PkiModule.stepCaCertificateAuthority(settings, clock, random))
        .isInstanceOf(InfrastructureException.class)
        .hasMessageStartingWith("pki.stepca.rootFile");
  }

  private LocalCertificateAuthority local(PkiSettings settings) {
    return PkiModule.localCertificateAuthority(settings, keySealer(), revoked, clock, random);
  }

  private static KeySealer keySealer() {
    return PkiModule.keySealer(TestLocalCa.SEALING_KEY, new SecureRandom());
  }

  private static <T> Provider<T> unexpected(String what) {
    return () -> {
      throw new AssertionError(what + " must not be built in this mode");
    };
  }

  private static PkiSettings withStepCa(StepCaSettings stepCa) {
    var base = TestStepCa.pkiSettings();
    return new PkiSettings(
        base.mode(),
        base.localDir(),
        Optional.of(stepCa),
        base.oidArc(),
        base.certificateLifetime(),
        base.publicUrl(),
        base.serverCertificate());
  }

  private static PkiSettings withServerFiles(
      PkiSettings base, PkiSettings.ServerCertificateFiles files) {
    return new PkiSettings(
        base.mode(),
        base.localDir(),
        base.stepCa(),
        base.oidArc(),
        base.certificateLifetime(),
        base.publicUrl(),
        Optional.of(files));
  }
}
