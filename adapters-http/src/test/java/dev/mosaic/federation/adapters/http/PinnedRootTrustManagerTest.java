package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class PinnedRootTrustManagerTest {
  private final TestPki pki = TestPki.create("Pinned");
  private final HeldCertificate server = pki.server("127.0.0.1");

  private X509Certificate[] chain(HeldCertificate... certificates) {
    X509Certificate[] chain = new X509Certificate[certificates.length];
    for (int i = 0; i < certificates.length; i++) {
      chain[i] = certificates[i].certificate();
    }
    return chain;
  }

  private static CertificateFingerprint fingerprintOf(HeldCertificate certificate)
      throws CertificateException {
    return CertificateFingerprint.of(certificate.certificate().getEncoded());
  }

  @Test
  void verify_chainUpToThePinnedRoot_isTrusted() {
    PinnedRootTrustManager trust = new PinnedRootTrustManager(pki.rootPin());

    assertThatCode(() -> trust.verify(chain(server, pki.intermediate(), pki.root())))
        .doesNotThrowAnyException();
  }

  @Test
  void verify_pinOfTheIntermediate_isNotARoot() throws CertificateException {
    PinnedRootTrustManager trust = new PinnedRootTrustManager(fingerprintOf(pki.intermediate()));

    assertThatThrownBy(() -> trust.verify(chain(server, pki.intermediate(), pki.root())))
        .hasMessageContaining("not a self-signed CA root");
  }

  @Test
  void verify_rootAsTheServersOwnCertificate_isRefused() {
    PinnedRootTrustManager trust = new PinnedRootTrustManager(pki.rootPin());

    assertThatThrownBy(() -> trust.verify(chain(pki.root())))
        .hasMessageContaining("CA root as its own certificate");
  }

  @Test
  void verify_gapInTheChain_doesNotValidate() {
    PinnedRootTrustManager trust = new PinnedRootTrustManager(pki.rootPin());

    assertThatThrownBy(() -> trust.verify(chain(server, pki.root())))
        .hasMessageContaining("does not validate under the pinned root");
  }

  @Test
  void verify_leafOfAnotherCaWithThisRootAppended_doesNotValidate() {
    TestPki other = TestPki.create("Other");
    PinnedRootTrustManager trust = new PinnedRootTrustManager(pki.rootPin());

    assertThatThrownBy(
            () -> trust.verify(chain(other.server("127.0.0.1"), other.intermediate(), pki.root())))
        .hasMessageContaining("does not validate under the pinned root");
  }

  @Test
  void verify_noCertificate_isRefused() {
    PinnedRootTrustManager trust = new PinnedRootTrustManager(pki.rootPin());

    assertThatThrownBy(() -> trust.verify(new X509Certificate[0]))
        .hasMessageContaining("no certificate");
  }

  @Test
  void checkClientTrusted_always_refuses() {
    PinnedRootTrustManager trust = new PinnedRootTrustManager(pki.rootPin());

    assertThatThrownBy(() -> trust.checkClientTrusted(chain(server), "EC"))
        .isInstanceOf(CertificateException.class);
  }
}
