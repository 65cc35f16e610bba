package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class ClientCertificateTrustManagerTest {
  private final TestPki pki = TestPki.create("Trust");
  private final ClientCertificateTrustManager trust =
      new ClientCertificateTrustManager(pki.root().certificate());

  private X509Certificate[] chain(HeldCertificate leaf) {
    return new X509Certificate[] {leaf.certificate(), pki.intermediate().certificate()};
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
