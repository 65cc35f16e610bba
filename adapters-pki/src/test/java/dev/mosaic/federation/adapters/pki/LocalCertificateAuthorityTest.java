package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.contract.CertificateAuthorityContract;
import dev.mosaic.federation.application.contract.CertificateContents;
import dev.mosaic.federation.application.fake.InMemoryRevokedCertificateRepository;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.IssuedCertificate;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import dev.mosaic.federation.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local CA: the port's contract, the client and server profiles, and its CRL. */
class LocalCertificateAuthorityTest extends CertificateAuthorityContract {

  private static final PeerName PEER = PeerName.parse("home.example");

  @TempDir Path dir;

  private final MutableInstantSource clock = new MutableInstantSource(Times.T0);
  private final InMemoryRevokedCertificateRepository revoked =
      new InMemoryRevokedCertificateRepository();
  private final GrantId grant = GrantId.of(UUID.randomUUID());
  private final UserId subject = UserId.of(UUID.randomUUID());
  private LocalCertificateAuthority authority;

  @Override
  protected CertificateAuthority createCertificateAuthority() {
    authority = TestLocalCa.open(dir, clock, revoked);
    return authority;
  }

  @Override
  protected CertificateSigningRequest aCsr() {
    return new CertificateSigningRequest(
        TestPki.Csr.forKey(TestPki.p256()).subject("CN=" + PEER).pem());
  }

  @Override
  protected CertificateContents inspect(String pem) {
    return TestLocalCa.contents(pem);
  }

  @Override
  protected Instant notAfterAtLeast() {
    return Times.T0.plus(TestLocalCa.LIFETIME).minusSeconds(1);
  }

  @Test
  void issue_csrAskingOtherSubjectSansAndExtensions_takesOnlyItsPublicKey() throws Exception {
    KeyPair key = TestPki.p256();
    String csr =
        TestPki.Csr.forKey(key)
            .subject("CN=intruder.example,O=Intruder Corp,OU=admins,C=XX")
            .requestingExtension(
                new ASN1ObjectIdentifier(TestLocalCa.GRANT_OID),
                false,
                new DERUTF8String(UUID.randomUUID().toString()).getEncoded())
            .requestingExtension(
                new ASN1ObjectIdentifier(TestLocalCa.SUBJECT_OID),
                false,
                new DERUTF8String(UUID.randomUUID().toString()).getEncoded())
            .requestingExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "intruder.example"))
                    .getEncoded())
            .requestingExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth).getEncoded())
            .requestingExtension(
                Extension.keyUsage,
                true,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign).getEncoded())
            .requestingExtension(
                Extension.basicConstraints, true, new BasicConstraints(true).getEncoded())
            .pem();

    X509Certificate certificate =
        TestLocalCa.parse(authority.issueClientCertificate(request(csr)).pem());

    assertThat(certificate.getSubjectX500Principal()).isEqualTo(new X500Principal("CN=" + PEER));
    assertThat(certificate.getSubjectAlternativeNames()).isNull();
    assertThat(TestLocalCa.utf8Extension(certificate, TestLocalCa.GRANT_OID))
        .contains(grant.toString());
    assertThat(TestLocalCa.utf8Extension(certificate, TestLocalCa.SUBJECT_OID))
        .contains(subject.toString());
    assertThat(certificate.getNonCriticalExtensionOIDs())
        .contains(TestLocalCa.GRANT_OID, TestLocalCa.SUBJECT_OID);
    assertThat(certificate.getExtendedKeyUsage()).containsExactly(CertificateProfiles.CLIENT_AUTH);
    assertThat(certificate.getKeyUsage())
        .containsExactly(true, false, false, false, false, false, false, false, false);
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getPublicKey().getEncoded()).isEqualTo(key.getPublic().getEncoded());
  }

  @Test
  void issue_validity_backdatedAMinuteAndLastingTheLifetime() {
    X509Certificate certificate = issue();

    assertThat(certificate.getNotBefore().toInstant())
        .isEqualTo(Times.T0.minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS));
    assertThat(certificate.getNotAfter().toInstant())
        .isEqualTo(Times.T0.plus(TestLocalCa.LIFETIME).truncatedTo(ChronoUnit.SECONDS));
  }

  @Test
  void issue_serial_isRandomPositiveAndAtLeast64Bits() {
    BigInteger first = issue().getSerialNumber();
    BigInteger second = issue().getSerialNumber();

    assertThat(first.signum()).isPositive();
    assertThat(first.bitLength()).isGreaterThanOrEqualTo(64);
    assertThat(first.xor(second).bitCount()).as("random, not sequential").isGreaterThan(8);
  }

  @Test
  void issue_chain_isTheIntermediateAndValidatesAgainstTheRoot() throws Exception {
    IssuedCertificate issued = authority.issueClientCertificate(request(aCsr().pem()));

    var path = new ArrayList<X509Certificate>();
    path.add(TestLocalCa.parse(issued.pem()));
    issued.chainPem().forEach(pem -> path.add(TestLocalCa.parse(pem)));
    assertThat(path.get(1)).isEqualTo(authority.intermediate());
    var parameters = new PKIXParameters(Set.of(new TrustAnchor(authority.root(), null)));
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(Times.T0));
    CertPathValidator.getInstance("PKIX")
        .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
  }

  @Test
  void issue_otherOidArc_writesTheExtensionsUnderIt() throws Exception {
    var otherArc = TestLocalCa.open(dir, clock, revoked, "1.3.6.1.4.1.12345");

    X509Certificate certificate =
        TestLocalCa.parse(otherArc.issueClientCertificate(request(aCsr().pem())).pem());

    assertThat(TestLocalCa.utf8Extension(certificate, "1.3.6.1.4.1.12345.1"))
        .contains(grant.toString());
    assertThat(certificate.getExtensionValue(TestLocalCa.GRANT_OID)).isNull();
  }

  @Test
  void issue_weakOrForgedCsr_isRefusedWithTheReason() throws Exception {
    byte[] tampered = TestPki.Csr.forKey(TestPki.p256()).subject("CN=" + PEER).build().getEncoded();
    tampered[tampered.length - 5] ^= 0x01;

    assertRefused(TestPki.Csr.forKey(TestPki.rsaKey(1024)).pem(), "1024 bits");
    assertRefused(TestPki.Csr.forKey(TestPki.p256()).signedWith("SHA1withECDSA").pem(), "SHA-1");
    assertRefused(TestPki.pem("CERTIFICATE REQUEST", tampered), "self-signature");
    assertRefused("not a CSR", "PEM block");
  }

  @Test
  void issue_lifetimeBeyondTheIntermediate_isRefused() {
    clock.set(authority.intermediate().getNotAfter().toInstant().minus(Duration.ofDays(1)));

    assertThatThrownBy(() -> authority.issueClientCertificate(request(aCsr().pem())))
        .isInstanceOf(InfrastructureException.class)
        .hasMessageContaining("intermediate expires");
  }

  @Test
  void currentCrl_afterRevoke_listsTheSerialAndIsSignedByTheIntermediate() throws Exception {
    IssuedCertificate kept = authority.issueClientCertificate(request(aCsr().pem()));
    IssuedCertificate dropped = authority.issueClientCertificate(request(aCsr().pem()));
    clock.advance(Duration.ofHours(1));

    authority.revoke(RevokedCertificate.of(dropped.toPin(), grant, clock.instant(), "revoked"));

    X509CRL crl = crl(authority);
    crl.verify(authority.intermediate().getPublicKey());
    assertThat(crl.getIssuerX500Principal())
        .isEqualTo(authority.intermediate().getSubjectX500Principal());
    assertThat(crl.isRevoked(TestLocalCa.parse(dropped.pem()))).isTrue();
    assertThat(crl.isRevoked(TestLocalCa.parse(kept.pem()))).isFalse();
    assertThat(crl.getRevokedCertificate(dropped.serialNumber()).getRevocationDate().toInstant())
        .isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    assertThat(crl.getNextUpdate().toInstant())
        .isEqualTo(clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS));
    assertThat(revoked.findAll())
        .extracting(RevokedCertificate::fingerprint)
        .contains(dropped.fingerprint());
  }

  @Test
  void currentCrl_ofAReplicaSharingDirAndRepository_listsTheSameSerials() throws Exception {
    IssuedCertificate issued = authority.issueClientCertificate(request(aCsr().pem()));
    revoked.add(RevokedCertificate.of(issued.toPin(), grant, Times.T0, "revoked elsewhere"));

    LocalCertificateAuthority replica = TestLocalCa.open(dir, clock, revoked);

    X509CRL crl = crl(replica);
    crl.verify(authority.intermediate().getPublicKey());
    assertThat(crl.getRevokedCertificates())
        .extracting(entry -> entry.getSerialNumber())
        .containsExactly(issued.serialNumber());
  }

  @Test
  void currentCrl_entryOfAnExpiredCertificate_isLeftOff() throws Exception {
    IssuedCertificate issued = authority.issueClientCertificate(request(aCsr().pem()));
    authority.revoke(RevokedCertificate.of(issued.toPin(), grant, Times.T0, "revoked"));
    clock.set(issued.notAfter().plusSeconds(1));

    X509CRL crl = crl(authority);

    crl.verify(authority.intermediate().getPublicKey());
    assertThat(crl.getRevokedCertificates()).isNull();
  }

  @Test
  void issueServerCertificate_ipHost_ipSanServerAuthOnlyAndNoClientExtensions() throws Exception {
    KeyPair key = TestPki.p256();

    List<X509Certificate> chain =
        authority.issueServerCertificate(ServerName.of(URI.create("https://127.0.0.1:8443")), key);

    X509Certificate certificate = chain.getFirst();
    assertThat(chain).containsExactly(certificate, authority.intermediate());
    assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(7, "127.0.0.1"));
    assertThat(certificate.getExtendedKeyUsage()).containsExactly(CertificateProfiles.SERVER_AUTH);
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getExtensionValue(TestLocalCa.GRANT_OID)).isNull();
    assertThat(certificate.getExtensionValue(TestLocalCa.SUBJECT_OID)).isNull();
    assertThat(certificate.getPublicKey()).isEqualTo(key.getPublic());
  }

  @Test
  void issueServerCertificate_dnsHost_dnsSan() throws Exception {
    List<X509Certificate> chain =
        authority.issueServerCertificate(
            ServerName.of(URI.create("https://Gateway.Example:8443")), TestPki.p256());

    assertThat(chain.getFirst().getSubjectAlternativeNames())
        .containsExactly(List.of(2, "gateway.example"));
    assertThat(chain.getFirst().getSubjectX500Principal())
        .isEqualTo(new X500Principal("CN=gateway.example"));
  }

  private X509Certificate issue() {
    return TestLocalCa.parse(authority.issueClientCertificate(request(aCsr().pem())).pem());
  }

  private ClientCertificateRequest request(String csrPem) {
    return new ClientCertificateRequest(
        new CertificateSigningRequest(csrPem), PEER, grant, subject);
  }

  private void assertRefused(String csrPem, String reason) {
    assertThatThrownBy(() -> authority.issueClientCertificate(request(csrPem)))
        .isInstanceOfSatisfying(
            InfrastructureException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessageStartingWith("CSR refused before signing")
        .hasMessageContaining(reason);
  }

  private static X509CRL crl(LocalCertificateAuthority authority) throws Exception {
    byte[] der = authority.currentCrl().orElseThrow();
    return (X509CRL)
        CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
  }
}
