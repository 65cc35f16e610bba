package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.contract.CertificateAuthorityContract;
import dev.mosaic.federation.application.contract.CertificateContents;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.IssuedCertificate;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import dev.mosaic.federation.domain.user.UserId;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link StepCaCertificateAuthority} against the real step-ca (see {@link TestStepCa}): the port's
 * contract plus what only a real CA can show (CSR contents ignored, chain to the pinned root,
 * refusals before signing, revocation seen by the CA).
 */
class StepCaCertificateAuthorityTest extends CertificateAuthorityContract {

  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String GRANT_OID = "1.3.6.1.4.1.99999.1";
  private static final String SUBJECT_OID = "1.3.6.1.4.1.99999.2";
  private static final PeerName PEER = PeerName.parse("home.example");

  private static StepCaCertificateAuthority authority;
  private static X509Certificate pinnedRoot;

  private final GrantId grant = GrantId.of(UUID.randomUUID());
  private final UserId subject = UserId.of(UUID.randomUUID());

  @BeforeAll
  static void connect() throws Exception {
    TestStepCa.requireRunning();
    authority = TestStepCa.authority(MosaicExtensions.DEFAULT_ARC);
    pinnedRoot = Certificates.readSingle(TestStepCa.rootFile());
  }

  @Override
  protected CertificateAuthority createCertificateAuthority() {
    return authority;
  }

  @Override
  protected CertificateSigningRequest aCsr() {
    return new CertificateSigningRequest(csrFor(TestPki.p256(), "CN=home.example"));
  }

  @Override
  protected CertificateContents inspect(String pem) {
    return TestLocalCa.contents(pem);
  }

  @Override
  protected Instant notAfterAtLeast() {
    return Instant.now().plus(Duration.ofMinutes(59));
  }

  @Test
  void issue_p256Csr_certificateCarriesGrantAndSubjectAsUtf8Strings() throws Exception {
    KeyPair key = TestPki.p256();

    IssuedCertificate issued = authority.issueClientCertificate(request(csrFor(key, "CN=" + PEER)));

    X509Certificate certificate = parse(issued.pem());
    assertThat(certificate.getExtensionValue(GRANT_OID)).isEqualTo(octetString(utf8(grant)));
    assertThat(certificate.getExtensionValue(SUBJECT_OID)).isEqualTo(octetString(utf8(subject)));
    assertThat(certificate.getNonCriticalExtensionOIDs()).contains(GRANT_OID, SUBJECT_OID);
    assertThat(certificate.getPublicKey().getEncoded()).isEqualTo(key.getPublic().getEncoded());
    assertClientProfile(certificate);
    assertThat(issued.fingerprint())
        .isEqualTo(
            new CertificateFingerprint(
                HexFormat.of()
                    .formatHex(
                        MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()))));
    assertThat(issued.serialNumber()).isEqualTo(certificate.getSerialNumber());
    assertThat(issued.notAfter()).isEqualTo(certificate.getNotAfter().toInstant());
    assertChainsToPinnedRoot(certificate, issued.chainPem());
  }

  @Test
  void issue_csrAskingOtherSubjectAttributesAndExtensions_takesOnlyItsPublicKey() throws Exception {
    KeyPair key = TestPki.p256();
    String csr =
        TestPki.Csr.forKey(key)
            .subject("CN=" + PEER + ",O=Intruder Corp,OU=admins,C=XX")
            .requestingExtension(
                new ASN1ObjectIdentifier(GRANT_OID),
                false,
                new DERUTF8String(UUID.randomUUID().toString()).getEncoded())
            .requestingExtension(
                new ASN1ObjectIdentifier(SUBJECT_OID),
                false,
                new DERUTF8String(UUID.randomUUID().toString()).getEncoded())
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

    IssuedCertificate issued = authority.issueClientCertificate(request(csr));

    X509Certificate certificate = parse(issued.pem());
    assertThat(certificate.getExtensionValue(GRANT_OID)).isEqualTo(octetString(utf8(grant)));
    assertThat(certificate.getExtensionValue(SUBJECT_OID)).isEqualTo(octetString(utf8(subject)));
    assertClientProfile(certificate);
    boolean[] keyUsage = certificate.getKeyUsage();
    assertThat(keyUsage == null || !keyUsage[5]).as("keyCertSign").isTrue();
    assertThat(certificate.getPublicKey().getEncoded()).isEqualTo(key.getPublic().getEncoded());
    assertChainsToPinnedRoot(certificate, issued.chainPem());
  }

  @Test
  void issue_csrWithEmptySubject_getsThePeerNameAsCn() throws Exception {
    IssuedCertificate issued =
        authority.issueClientCertificate(request(csrFor(TestPki.p256(), "")));

    assertClientProfile(parse(issued.pem()));
  }

  @Test
  void issue_csrNamingAnotherCn_isRefusedBeforeReachingTheCa() {
    var offline = authorityAtClosedPort();

    assertRefusedBeforeSigning(
        offline,
        csrFor(TestPki.p256(), "CN=someone-else.example"),
        "CN must be empty or the peer name");
  }

  @Test
  void issue_rsa1024Csr_isRefusedBeforeReachingTheCa() {
    assertRefusedBeforeSigning(
        authorityAtClosedPort(),
        TestPki.Csr.forKey(TestPki.rsaKey(1024)).subject("CN=" + PEER).pem(),
        "1024 bits");
  }

  @Test
  void issue_sha1SignedCsr_isRefusedBeforeReachingTheCa() {
    assertRefusedBeforeSigning(
        authorityAtClosedPort(),
        TestPki.Csr.forKey(TestPki.p256()).subject("CN=" + PEER).signedWith("SHA1withECDSA").pem(),
        "SHA-1");
  }

  @Test
  void issue_csrWhoseSignatureDoesNotVerify_isRefusedBeforeReachingTheCa() throws Exception {
    byte[] der = TestPki.Csr.forKey(TestPki.p256()).subject("CN=" + PEER).build().getEncoded();
    der[der.length - 5] ^= 0x01;

    assertRefusedBeforeSigning(
        authorityAtClosedPort(), TestPki.pem("CERTIFICATE REQUEST", der), "self-signature");
  }

  @Test
  void issue_caUnreachable_isTransient() {
    assertThatThrownBy(
            () ->
                authorityAtClosedPort()
                    .issueClientCertificate(request(csrFor(TestPki.p256(), "CN=" + PEER))))
        .isInstanceOfSatisfying(
            InfrastructureException.class, e -> assertThat(e.isTransient()).isTrue())
        .hasMessageContaining("unreachable");
  }

  @Test
  void issue_extensionsUnderAnotherArc_isRefusedLoudly() {
    // The CA's template writes 1.3.6.1.4.1.99999.*; an adapter expecting another arc must not
    // hand the certificate out.
    var mismatched = TestStepCa.authority("1.3.6.1.4.1.12345");

    assertThatThrownBy(
            () -> mismatched.issueClientCertificate(request(csrFor(TestPki.p256(), "CN=" + PEER))))
        .isInstanceOfSatisfying(
            InfrastructureException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessageContaining("1.3.6.1.4.1.12345.1 is missing")
        .hasMessageContaining("not handed out");
  }

  @Test
  void revoke_issuedCertificate_caRefusesToRenewItAndRevokingTwiceSucceeds() throws Exception {
    KeyPair key = TestPki.p256();
    IssuedCertificate issued = authority.issueClientCertificate(request(csrFor(key, "CN=" + PEER)));
    X509Certificate certificate = parse(issued.pem());
    assertThat(renew(certificate, key).statusCode()).as("renewal before revocation").isEqualTo(201);
    var revoked =
        RevokedCertificate.of(issued.toPin(), grant, Instant.now(), "grant revoked by operator");

    authority.revoke(revoked);
    authority.revoke(revoked);

    assertThat(renew(certificate, key).statusCode()).as("renewal after revocation").isEqualTo(401);
  }

  @Test
  void root_isThePinnedRootFile() throws Exception {
    assertThat(authority.rootFingerprint().hex()).isEqualTo(Certificates.sha256Hex(pinnedRoot));
    assertThat(Certificates.parse(authority.rootCertificatePem())).containsExactly(pinnedRoot);
    assertThat(authority.currentCrl()).isEmpty();
  }

  private ClientCertificateRequest request(String csrPem) {
    return new ClientCertificateRequest(
        new CertificateSigningRequest(csrPem), PEER, grant, subject);
  }

  private static String csrFor(KeyPair key, String subjectDn) {
    return TestPki.Csr.forKey(key).subject(subjectDn).pem();
  }

  private static void assertClientProfile(X509Certificate certificate) throws Exception {
    assertThat(certificate.getSubjectX500Principal()).isEqualTo(new X500Principal("CN=" + PEER));
    assertThat(certificate.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertThat(certificate.getBasicConstraints()).as("not a CA").isEqualTo(-1);
  }

  private static void assertChainsToPinnedRoot(X509Certificate certificate, List<String> chainPem)
      throws Exception {
    var path = new ArrayList<X509Certificate>();
    path.add(certificate);
    for (String pem : chainPem) {
      path.addAll(Certificates.parse(pem));
    }
    assertThat(path).doesNotContain(pinnedRoot);
    var parameters = new PKIXParameters(Set.of(new TrustAnchor(pinnedRoot, null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX")
        .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
  }

  private static StepCaCertificateAuthority authorityAtClosedPort() {
    try {
      return new StepCaCertificateAuthority(
          new StepCaApi(TestStepCa.closedPortUrl(), pinnedRoot, Duration.ofSeconds(2)),
          StepCaProvisioner.load(
              TestStepCa.PROVISIONER,
              TestStepCa.provisionerKeyFile(),
              TestStepCa.passwordFile(),
              new SecureRandom()),
          pinnedRoot,
          new MosaicExtensions(MosaicExtensions.DEFAULT_ARC),
          Duration.ofHours(1),
          InstantSource.system());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The adapter talks to a closed port: had it sent anything, the failure would be a transient
   * "unreachable"; a refusal proves the CSR was stopped first.
   */
  private void assertRefusedBeforeSigning(
      StepCaCertificateAuthority offline, String csrPem, String reason) {
    assertThatThrownBy(() -> offline.issueClientCertificate(request(csrPem)))
        .isInstanceOfSatisfying(
            InfrastructureException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessageStartingWith("CSR refused before signing")
        .hasMessageContaining(reason);
  }

  /** {@code POST /1.0/renew} over mTLS with the certificate itself, as a client would renew. */
  private static HttpResponse<String> renew(X509Certificate certificate, KeyPair key)
      throws Exception {
    var keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    var chain = new ArrayList<X509Certificate>();
    chain.add(certificate);
    chain.add(Certificates.readSingle(TestStepCa.intermediateFile()));
    keys.setKeyEntry(
        "client", key.getPrivate(), new char[0], chain.toArray(X509Certificate[]::new));
    var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, new char[0]);
    var trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("root", pinnedRoot);
    var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    var tls = SSLContext.getInstance("TLS");
    tls.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    try (var client =
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build()) {
      return client.send(
          HttpRequest.newBuilder(TestStepCa.url().resolve("/1.0/renew"))
              .timeout(Duration.ofSeconds(10))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  private static X509Certificate parse(String pem) throws Exception {
    return Certificates.parse(pem).getFirst();
  }

  private static byte[] utf8(Object uuid) throws IOException {
    return new DERUTF8String(uuid.toString()).getEncoded();
  }

  private static byte[] octetString(byte[] content) throws IOException {
    return new org.bouncycastle.asn1.DEROctetString(content).getEncoded();
  }
}
