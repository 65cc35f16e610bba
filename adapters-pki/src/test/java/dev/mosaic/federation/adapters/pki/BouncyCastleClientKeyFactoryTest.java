package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.InMemoryRevokedCertificateRepository;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.ClientKeyMaterial;
import dev.mosaic.federation.application.port.out.CsrVerification;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import dev.mosaic.federation.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.UUID;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BouncyCastleClientKeyFactoryTest {

  private static final PeerName PEER = PeerName.parse("home.example");

  private final BouncyCastleClientKeyFactory factory =
      new BouncyCastleClientKeyFactory(new SecureRandom());

  @Test
  void generate_csr_namesOnlyThePeerAndRequestsNothingElse() {
    ClientKeyMaterial material = factory.generate(PEER);

    var csr = accepted(material);
    assertThat(csr.getSubject().toString()).isEqualTo("CN=home.example");
    assertThat(csr.getAttributes()).isEmpty();
    assertThat(csr.getSignatureAlgorithm().getAlgorithm())
        .isEqualTo(X9ObjectIdentifiers.ecdsa_with_SHA256);
    assertThat(csr.getSubjectPublicKeyInfo().getAlgorithm().getParameters())
        .isEqualTo(SECObjectIdentifiers.secp256r1);
  }

  @Test
  void generate_csr_isAcceptedByTheVerifierWithTheReportedKeyFingerprint() {
    ClientKeyMaterial material = factory.generate(PEER);

    assertThat(new BouncyCastleCsrVerifier().verify(material.csr()))
        .isEqualTo(new CsrVerification.Accepted(material.publicKey()));
  }

  @Test
  void generate_privateKey_isPkcs8OfTheCsrsKey() throws Exception {
    ClientKeyMaterial material = factory.generate(PEER);

    PrivateKey key =
        KeyFactory.getInstance("EC")
            .generatePrivate(new PKCS8EncodedKeySpec(material.privateKeyPkcs8()));
    byte[] message = "proof of possession".getBytes(StandardCharsets.US_ASCII);
    var signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key);
    signer.update(message);
    var verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(
        KeyFactory.getInstance("EC")
            .generatePublic(
                new X509EncodedKeySpec(accepted(material).getSubjectPublicKeyInfo().getEncoded())));
    verifier.update(message);
    assertThat(key).isInstanceOf(ECPrivateKey.class);
    assertThat(verifier.verify(signer.sign())).isTrue();
  }

  @Test
  void generate_twice_givesDistinctKeys() {
    assertThat(factory.generate(PEER).publicKey()).isNotEqualTo(factory.generate(PEER).publicKey());
  }

  @Test
  void generate_csr_isIssuedByTheLocalCa(@TempDir Path dir) {
    ClientKeyMaterial material = factory.generate(PEER);
    var ca =
        TestLocalCa.open(
            dir, new MutableInstantSource(Times.T0), new InMemoryRevokedCertificateRepository());

    X509Certificate issued = TestLocalCa.parse(ca.issueClientCertificate(request(material)).pem());

    assertIssuedForTheKey(issued, material);
  }

  @Test
  void generate_csr_isIssuedByStepCa() {
    TestStepCa.requireRunning();
    ClientKeyMaterial material = factory.generate(PEER);

    X509Certificate issued =
        TestLocalCa.parse(
            TestStepCa.authority(MosaicExtensions.DEFAULT_ARC)
                .issueClientCertificate(request(material))
                .pem());

    assertIssuedForTheKey(issued, material);
  }

  private static PKCS10CertificationRequest accepted(ClientKeyMaterial material) {
    return switch (CertificateRequests.check(material.csr().pem())) {
      case CsrCheck.Accepted accepted -> accepted.request();
      case CsrCheck.Rejected rejected -> throw new AssertionError(rejected.reason());
    };
  }

  private static ClientCertificateRequest request(ClientKeyMaterial material) {
    return new ClientCertificateRequest(
        material.csr(), PEER, GrantId.of(UUID.randomUUID()), UserId.of(UUID.randomUUID()));
  }

  private static void assertIssuedForTheKey(X509Certificate issued, ClientKeyMaterial material) {
    assertThat(PublicKeyFingerprint.of(issued.getPublicKey().getEncoded()))
        .isEqualTo(material.publicKey());
    assertThat(issued.getSubjectX500Principal()).isEqualTo(new X500Principal("CN=home.example"));
  }
}
