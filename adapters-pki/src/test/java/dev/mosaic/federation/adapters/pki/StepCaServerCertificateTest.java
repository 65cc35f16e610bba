package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * B's server certificate from the real step-ca: the provisioner template's server branch, selected
 * by the {@code mosaic_server_name} claim and exclusive of the client branch.
 */
class StepCaServerCertificateTest {

  private static StepCaCertificateAuthority authority;
  private static StepCaApi api;
  private static StepCaProvisioner provisioner;
  private static X509Certificate root;

  @BeforeAll
  static void connect() throws Exception {
    TestStepCa.requireRunning();
    authority = TestStepCa.authority(MosaicExtensions.DEFAULT_ARC);
    root = Certificates.readSingle(TestStepCa.rootFile());
    api = new StepCaApi(TestStepCa.url(), root, Duration.ofSeconds(10));
    provisioner =
        StepCaProvisioner.load(
            TestStepCa.PROVISIONER,
            TestStepCa.provisionerKeyFile(),
            TestStepCa.passwordFile(),
            new SecureRandom());
  }

  @Test
  void issueServerCertificate_ipHost_serverAuthOnlyWithTheIpSanAndNoClientExtensions()
      throws Exception {
    KeyPair key = TestPki.p256();

    List<X509Certificate> chain =
        authority.issueServerCertificate(ServerName.of(URI.create("https://127.0.0.1:8443")), key);

    X509Certificate certificate = chain.getFirst();
    assertThat(chain).doesNotContain(root).hasSizeGreaterThanOrEqualTo(2);
    assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(7, "127.0.0.1"));
    assertThat(certificate.getExtendedKeyUsage()).containsExactly(CertificateProfiles.SERVER_AUTH);
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getExtensionValue(TestLocalCa.GRANT_OID)).isNull();
    assertThat(certificate.getExtensionValue(TestLocalCa.SUBJECT_OID)).isNull();
    assertThat(certificate.getPublicKey()).isEqualTo(key.getPublic());
    assertThat(CertificateProfiles.chainProblem(chain, root, Instant.now())).isEmpty();
  }

  @Test
  void issueServerCertificate_dnsHost_hasTheDnsSanAndCn() throws Exception {
    List<X509Certificate> chain =
        authority.issueServerCertificate(
            ServerName.of(URI.create("https://gateway.example:8443")), TestPki.p256());

    assertThat(chain.getFirst().getSubjectAlternativeNames())
        .containsExactly(List.of(2, "gateway.example"));
    assertThat(chain.getFirst().getSubjectX500Principal())
        .isEqualTo(new X500Principal("CN=gateway.example"));
  }

  @Test
  void sign_serverClaimTogetherWithClientClaims_isRefusedByTheTemplate() {
    String csr = TestPki.Csr.forKey(TestPki.p256()).subject("CN=gateway.example").pem();
    String token =
        token(
            "gateway.example",
            Map.of(
                "sans",
                List.of("gateway.example"),
                StepCaCertificateAuthority.SERVER_NAME_CLAIM,
                "gateway.example",
                "mosaic_grant_id",
                UUID.randomUUID().toString(),
                "mosaic_subject_user_id",
                UUID.randomUUID().toString()));

    assertThatThrownBy(() -> api.sign(csr, token, Duration.ofHours(1)))
        .isInstanceOf(InfrastructureException.class)
        .hasMessageContaining("step-ca sign failed: HTTP 400")
        .hasMessageContaining("never both");
  }

  @Test
  void sign_serverClaimWithTwoSans_isRefusedByTheTemplate() {
    String csr = TestPki.Csr.forKey(TestPki.p256()).subject("CN=gateway.example").pem();
    String token =
        token(
            "gateway.example",
            Map.of(
                "sans",
                List.of("gateway.example", "other.example"),
                StepCaCertificateAuthority.SERVER_NAME_CLAIM,
                "gateway.example"));

    assertThatThrownBy(() -> api.sign(csr, token, Duration.ofHours(1)))
        .isInstanceOf(InfrastructureException.class)
        .hasMessageContaining("step-ca sign failed: HTTP 400")
        .hasMessageContaining("exactly one SAN");
  }

  @Test
  void sign_noMosaicClaimAtAll_isRefusedByTheTemplate() {
    String csr = TestPki.Csr.forKey(TestPki.p256()).subject("CN=home.example").pem();
    String token = token("home.example", Map.of("sans", List.of("home.example")));

    assertThatThrownBy(() -> api.sign(csr, token, Duration.ofHours(1)))
        .isInstanceOf(InfrastructureException.class)
        .hasMessageContaining("step-ca sign failed: HTTP 400")
        .hasMessageContaining("mosaic_grant_id missing");
  }

  @Test
  void sign_serverClaimWithAValidToken_controlCaseIsSigned() {
    String csr = TestPki.Csr.forKey(TestPki.p256()).subject("CN=gateway.example").pem();
    String token =
        token(
            "gateway.example",
            Map.of(
                "sans",
                List.of("gateway.example"),
                StepCaCertificateAuthority.SERVER_NAME_CLAIM,
                "gateway.example"));

    assertThat(api.sign(csr, token, Duration.ofHours(1))).isNotEmpty();
  }

  private static String token(String subject, Map<String, Object> claims) {
    var all = new HashMap<String, Object>(claims);
    all.put("sha", Certificates.sha256Hex(root));
    return provisioner.token(api.url("/1.0/sign"), subject, all, Instant.now());
  }
}
