package dev.mosaic.federation.adapters.pki.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.adapters.pki.PkiSettings;
import dev.mosaic.federation.adapters.pki.SealingKey;
import dev.mosaic.federation.application.fake.InMemoryRevokedCertificateRepository;
import dev.mosaic.federation.application.port.out.CertificateReading;
import dev.mosaic.federation.application.port.out.CheckStatus;
import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.CsrVerification;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.user.UserId;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole PKI graph in local mode, built by Dagger through the module's public surface. */
class PkiComponentTest {

  @TempDir Path dir;

  @Test
  void localModeGraph_onboardsAClientAndServesBsCertificateUnderTheSameRoot() throws Exception {
    var component =
        DaggerTestPkiComponent.factory()
            .create(
                new PkiSettings(
                    PkiSettings.Mode.LOCAL,
                    Optional.of(dir),
                    Optional.empty(),
                    PkiSettings.DEFAULT_OID_ARC,
                    Duration.ofDays(30),
                    URI.create("https://127.0.0.1:8443"),
                    Optional.empty()),
                SealingKey.of("a sealing key of at least thirty-two bytes"),
                InstantSource.system(),
                new SecureRandom(),
                new InMemoryRevokedCertificateRepository());
    var material = component.clientKeyFactory().generate(PeerName.parse("home.example"));
    var grant = GrantId.of(UUID.randomUUID());

    var issued =
        component
            .certificateAuthority()
            .issueClientCertificate(
                new ClientCertificateRequest(
                    material.csr(),
                    PeerName.parse("home.example"),
                    grant,
                    UserId.of(UUID.randomUUID())));

    X509Certificate root = component.caRoot();
    assertThat(component.certificateAuthority()).isSameAs(component.certificateAuthority());
    assertThat(component.certificateAuthority().rootFingerprint())
        .isEqualTo(CertificateFingerprint.of(root.getEncoded()));
    assertThat(component.csrVerifier().verify(material.csr()))
        .isEqualTo(new CsrVerification.Accepted(material.publicKey()));
    assertThat(
            ((CertificateReading.Read) component.certificateReader().read(issued.pem())).grantId())
        .contains(grant);
    assertThat(component.keySealer().open(component.keySealer().seal(new byte[] {1, 2, 3})))
        .hasValueSatisfying(p -> assertThat(p).containsExactly(1, 2, 3));
    var keyManager = component.serverKeyManager();
    X509Certificate[] chain =
        keyManager.getCertificateChain(keyManager.chooseServerAlias("EC", null, null));
    assertThat(chain[0].getSubjectAlternativeNames()).containsExactly(List.of(7, "127.0.0.1"));
    chain[chain.length - 1].verify(root.getPublicKey());
    assertThat(component.checks())
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.name()).isEqualTo("ca");
              assertThat(check.check().status()).isEqualTo(CheckStatus.OK);
            });
  }
}
