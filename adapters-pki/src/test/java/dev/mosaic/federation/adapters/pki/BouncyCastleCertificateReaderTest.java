package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.InMemoryRevokedCertificateRepository;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.out.CertificateReading;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.IssuedCertificate;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import dev.mosaic.federation.domain.user.UserId;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.UUID;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BouncyCastleCertificateReaderTest {

  private static final String GRANT_OID = TestLocalCa.GRANT_OID;
  private static final String SUBJECT_OID = TestLocalCa.SUBJECT_OID;

  @TempDir Path dir;

  private final BouncyCastleCertificateReader reader =
      new BouncyCastleCertificateReader(new MosaicExtensions(MosaicExtensions.DEFAULT_ARC));
  private LocalCertificateAuthority ca;

  @BeforeEach
  void createCa() {
    ca =
        TestLocalCa.open(
            dir, new MutableInstantSource(Times.T0), new InMemoryRevokedCertificateRepository());
  }

  @Test
  void read_issuedClientCertificate_reportsEverythingItCarries() {
    KeyPair key = TestPki.p256();
    var grant = GrantId.of(UUID.randomUUID());
    var subject = UserId.of(UUID.randomUUID());
    IssuedCertificate issued =
        ca.issueClientCertificate(
            new ClientCertificateRequest(
                new CertificateSigningRequest(
                    TestPki.Csr.forKey(key).subject("CN=home.example").pem()),
                PeerName.parse("home.example"),
                grant,
                subject));

    var read = (CertificateReading.Read) reader.read(issued.pem());

    assertThat(read.fingerprint()).isEqualTo(issued.fingerprint());
    assertThat(read.serialNumber()).isEqualTo(issued.serialNumber());
    assertThat(read.notAfter()).isEqualTo(issued.notAfter());
    assertThat(read.notBefore()).isBefore(Times.T0);
    assertThat(read.commonName()).isEqualTo("home.example");
    assertThat(read.publicKey()).isEqualTo(PublicKeyFingerprint.of(key.getPublic().getEncoded()));
    assertThat(read.grantId()).contains(grant);
    assertThat(read.subjectUserId()).contains(subject);
    assertThat(read.clientAuthOnly()).isTrue();
    assertThat(read.isCa()).isFalse();
  }

  @Test
  void read_malformedExtensions_readsThemAsAbsent() throws Exception {
    String uuid = UUID.randomUUID().toString();
    var certificate =
        TestPki.selfSigned(
            "home.example",
            false,
            new TestPki.RawExtension(GRANT_OID, false, new DERPrintableString(uuid).getEncoded()),
            new TestPki.RawExtension(
                SUBJECT_OID, false, new DERUTF8String(uuid.toUpperCase()).getEncoded()));

    var read = (CertificateReading.Read) reader.read(pem(certificate.getEncoded()));

    assertThat(read.grantId()).isEmpty();
    assertThat(read.subjectUserId()).isEmpty();
    assertThat(read.clientAuthOnly()).isFalse();
    assertThat(read.commonName()).isEqualTo("home.example");
  }

  @Test
  void read_criticalExtension_readsAsAbsent() throws Exception {
    var certificate =
        TestPki.selfSigned(
            "home.example",
            false,
            new TestPki.RawExtension(
                GRANT_OID, true, new DERUTF8String(UUID.randomUUID().toString()).getEncoded()));

    var read = (CertificateReading.Read) reader.read(pem(certificate.getEncoded()));

    assertThat(read.grantId()).isEmpty();
  }

  @Test
  void read_caRootAndServerCertificate_areNotClientCertificates() throws Exception {
    var root = (CertificateReading.Read) reader.read(ca.rootCertificatePem());
    var server =
        (CertificateReading.Read)
            reader.read(
                Certificates.toPem(
                    ca.issueServerCertificate(
                            ServerName.of(URI.create("https://127.0.0.1:8443")), TestPki.p256())
                        .getFirst()));

    assertThat(root.isCa()).isTrue();
    assertThat(root.clientAuthOnly()).isFalse();
    assertThat(server.isCa()).isFalse();
    assertThat(server.clientAuthOnly()).isFalse();
    assertThat(server.grantId()).isEmpty();
  }

  @Test
  void read_notOneCanonicalCertificate_isUnreadable() throws Exception {
    String root = ca.rootCertificatePem();
    byte[] der = ca.root().getEncoded();
    byte[] corrupt = der.clone();
    corrupt[10] ^= 0x7f;

    assertUnreadable(null);
    assertUnreadable("");
    assertUnreadable("garbage");
    assertUnreadable(root + root);
    assertUnreadable(root + "trailing text");
    assertUnreadable(TestPki.pem("PRIVATE KEY", der));
    assertUnreadable(TestPki.Csr.forKey(TestPki.p256()).pem());
    assertUnreadable(pem(corrupt));
    assertUnreadable(pem(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}));
  }

  private void assertUnreadable(String pem) {
    assertThat(reader.read(pem))
        .as(String.valueOf(pem))
        .isInstanceOf(CertificateReading.Unreadable.class);
  }

  private static String pem(byte[] der) {
    return TestPki.pem("CERTIFICATE", der);
  }
}
