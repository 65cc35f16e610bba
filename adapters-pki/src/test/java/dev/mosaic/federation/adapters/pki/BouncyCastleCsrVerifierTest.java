package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.contract.CsrVerifierContract;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.CsrVerification;
import dev.mosaic.federation.application.port.out.CsrVerifier;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import org.junit.jupiter.api.Test;

class BouncyCastleCsrVerifierTest extends CsrVerifierContract {

  @Override
  protected CsrVerifier createCsrVerifier() {
    return new BouncyCastleCsrVerifier();
  }

  @Override
  protected KeyedCsr aValidCsr() {
    var key = TestPki.p256();
    return new KeyedCsr(
        new CertificateSigningRequest(TestPki.Csr.forKey(key).pem()),
        PublicKeyFingerprint.of(key.getPublic().getEncoded()));
  }

  @Override
  protected CertificateSigningRequest aCsrWithInvalidSignature() {
    try {
      byte[] der = TestPki.Csr.forKey(TestPki.p256()).build().getEncoded();
      der[der.length - 5] ^= 0x01;
      return new CertificateSigningRequest(TestPki.pem("CERTIFICATE REQUEST", der));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected CertificateSigningRequest aCsrWithWeakKey() {
    return new CertificateSigningRequest(TestPki.Csr.forKey(TestPki.rsaKey(1024)).pem());
  }

  @Test
  void verify_weakCsr_rejectionSaysWhy() {
    assertThat(createCsrVerifier().verify(aCsrWithWeakKey()))
        .isEqualTo(
            new CsrVerification.Rejected("CSR RSA key has 1024 bits; at least 2048 are required"));
  }
}
