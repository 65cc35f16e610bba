package dev.mosaic.federation.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.CertificateReading;
import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.IssuedCertificate;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FakeCertificateReaderTest {
  private final FakeCertificateReader reader = new FakeCertificateReader();
  private final InMemoryCertificateAuthority ca =
      new InMemoryCertificateAuthority(new MutableInstantSource(Times.T0), Duration.ofDays(30));

  @Test
  void read_issuedCertificate_showsWhatTheCaPutIn() {
    PublicKeyFingerprint key = CertificateFixtures.aPublicKey();
    GrantId grant = new GrantId(UUID.randomUUID());
    UserId subject = new UserId(UUID.randomUUID());
    IssuedCertificate issued =
        ca.issueClientCertificate(
            new ClientCertificateRequest(
                FakePki.csr(key), PeerName.parse("home.example"), grant, subject));

    CertificateReading.Read read = (CertificateReading.Read) reader.read(issued.pem());

    assertThat(read.fingerprint()).isEqualTo(issued.fingerprint());
    assertThat(read.serialNumber()).isEqualTo(issued.serialNumber());
    assertThat(read.notAfter()).isEqualTo(issued.notAfter());
    assertThat(read.commonName()).isEqualTo("home.example");
    assertThat(read.publicKey()).isEqualTo(key);
    assertThat(read.grantId()).contains(grant);
    assertThat(read.subjectUserId()).contains(subject);
    assertThat(read.clientAuthOnly()).isTrue();
    assertThat(read.isCa()).isFalse();
  }

  @Test
  void read_caRoot_isACaWithTheRootFingerprint() {
    CertificateReading.Read root = (CertificateReading.Read) reader.read(ca.rootCertificatePem());

    assertThat(root.fingerprint()).isEqualTo(ca.rootFingerprint());
    assertThat(root.isCa()).isTrue();
  }

  @Test
  void read_nonCanonicalExtension_readsAsAbsent() {
    String pem =
        FakePki.certificate(
            Map.of(
                "serial", "5",
                "cn", "x",
                "key", CertificateFixtures.aPublicKey().hex(),
                "grant", "{" + UUID.randomUUID() + "}",
                "notAfter", "2100-01-01T00:00:00Z"));

    CertificateReading.Read read = (CertificateReading.Read) reader.read(pem);

    assertThat(read.grantId()).isEmpty();
    assertThat(read.subjectUserId()).isEmpty();
  }

  @Test
  void read_garbageOrMissingFields_isUnreadable() {
    assertThat(reader.read("garbage")).isInstanceOf(CertificateReading.Unreadable.class);
    assertThat(reader.read(FakePki.certificate(Map.of("cn", "x"))))
        .isInstanceOf(CertificateReading.Unreadable.class);
  }
}
