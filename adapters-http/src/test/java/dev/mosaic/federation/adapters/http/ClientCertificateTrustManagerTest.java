package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.fake.InMemoryRevokedCertificateRepository;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.RevokedCertificateRepository;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class ClientCertificateTrustManagerTest {
  private final TestPki pki = TestPki.create("Trust");
  private final InMemoryRevokedCertificateRepository revoked =
      new InMemoryRevokedCertificateRepository();
  private final ClientCertificateTrustManager trust =
      new ClientCertificateTrustManager(pki.root().certificate(), revoked);

  private X509Certificate[] chain(HeldCertificate leaf) {
    return new X509Certificate[] {leaf.certificate(), pki.intermediate().certificate()};
  }

  static RevokedCertificate revokedEntry(HeldCertificate certificate) throws Exception {
    return new RevokedCertificate(
        CertificateFingerprint.of(certificate.certificate().getEncoded()),
        certificate.certificate().getSerialNumber(),
        new GrantId(UUID.randomUUID()),
        certificate.certificate().getNotAfter().toInstant(),
        Instant.parse("2030-01-01T00:00:00Z"),
        "test");
  }

  @Test
  void checkClientTrusted_clientAuthCertificateOfTheCa_isAccepted() {
    HeldCertificate client = pki.client("home.example");

    assertThatCode(() -> trust.checkClientTrusted(chain(client), "EC")).doesNotThrowAnyException();
  }

  @Test
  void checkClientTrusted_chainEndingWithTheRoot_isAccepted() {
    HeldCertificate client = pki.client("home.example");
    X509Certificate[] withRoot = {
      client.certificate(), pki.intermediate().certificate(), pki.root().certificate()
    };

    assertThatCode(() -> trust.checkClientTrusted(withRoot, "EC")).doesNotThrowAnyException();
  }

  @Test
  void checkClientTrusted_certificateOfAnotherCa_isRefused() {
    TestPki stranger = TestPki.create("Stranger");
    HeldCertificate foreign = stranger.client("mallory.example");
    X509Certificate[] chain = {foreign.certificate(), stranger.intermediate().certificate()};

    assertThatThrownBy(() -> trust.checkClientTrusted(chain, "EC"))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("does not validate under the CA root");
  }

  @Test
  void checkClientTrusted_leafWithoutItsIntermediate_isRefused() {
    X509Certificate[] alone = {pki.client("home.example").certificate()};

    assertThatThrownBy(() -> trust.checkClientTrusted(alone, "EC"))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void checkClientTrusted_serverAuthOnlyCertificate_isRefused() {
    HeldCertificate server = pki.server("work.example");

    assertThatThrownBy(() -> trust.checkClientTrusted(chain(server), "EC"))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("no clientAuth");
  }

  @Test
  void checkClientTrusted_caCertificateAsLeaf_isRefused() {
    X509Certificate[] intermediate = {pki.intermediate().certificate()};

    assertThatThrownBy(() -> trust.checkClientTrusted(intermediate, "EC"))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("CA certificate");
  }

  @Test
  void checkClientTrusted_theRootItself_isRefused() {
    X509Certificate[] root = {pki.root().certificate()};

    assertThatThrownBy(() -> trust.checkClientTrusted(root, "EC"))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void checkClientTrusted_expiredCertificate_isRefused() {
    HeldCertificate expired =
        pki.leaf(TestPki.Usage.CLIENT_AUTH, Duration.ofMinutes(-1), "home.example");

    assertThatThrownBy(() -> trust.checkClientTrusted(chain(expired), "EC"))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("does not validate");
  }

  @Test
  void checkClientTrusted_emptyChain_isRefused() {
    assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[0], "EC"))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void checkClientTrusted_revokedCertificate_isRefusedAsRevoked() throws Exception {
    HeldCertificate client = pki.client("home.example");
    revoked.add(revokedEntry(client));

    assertThatThrownBy(() -> trust.checkClientTrusted(chain(client), "EC"))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("is revoked")
        .cause()
        .isInstanceOfSatisfying(
            CertPathValidatorException.class,
            cause ->
                assertThat(cause.getReason())
                    .isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
  }

  @Test
  void checkClientTrusted_anotherCertificateRevoked_stillAcceptsThisOne() throws Exception {
    revoked.add(revokedEntry(pki.client("other.example")));
    HeldCertificate client = pki.client("home.example");

    assertThatCode(() -> trust.checkClientTrusted(chain(client), "EC")).doesNotThrowAnyException();
  }

  @Test
  void checkClientTrusted_revokedListUnreadable_refusesTheCertificate() {
    RevokedCertificateRepository down =
        new RevokedCertificateRepository() {
          @Override
          public void add(RevokedCertificate certificate) {
            throw new InfrastructureException("db down", true);
          }

          @Override
          public boolean isRevoked(CertificateFingerprint fingerprint) {
            throw new InfrastructureException("db down", true);
          }

          @Override
          public List<RevokedCertificate> findAll() {
            throw new InfrastructureException("db down", true);
          }
        };
    ClientCertificateTrustManager failClosed =
        new ClientCertificateTrustManager(pki.root().certificate(), down);

    assertThatThrownBy(() -> failClosed.checkClientTrusted(chain(pki.client("h")), "EC"))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("cannot be read");
  }

  @Test
  void checkServerTrusted_anyChain_isRefused() {
    HeldCertificate server = pki.server("work.example");

    assertThatThrownBy(() -> trust.checkServerTrusted(chain(server), "EC"))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void acceptedIssuers_areTheCaRoot() {
    assertThat(trust.getAcceptedIssuers()).containsExactly(pki.root().certificate());
  }
}
