package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.CsrVerification;
import dev.mosaic.federation.application.port.out.CsrVerifier;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link CsrVerifier}: accepts good CSRs naming their key, rejects everything else. */
public abstract class CsrVerifierContract {
  /** A CSR and the fingerprint of its public key. */
  public record KeyedCsr(CertificateSigningRequest csr, PublicKeyFingerprint publicKey) {}

  protected CsrVerifier verifier;

  protected abstract CsrVerifier createCsrVerifier();

  /** A fresh, acceptable CSR (EC P-256, SHA-256 signature). */
  protected abstract KeyedCsr aValidCsr();

  /** A CSR whose self-signature does not verify. */
  protected abstract CertificateSigningRequest aCsrWithInvalidSignature();

  /** A CSR with a key too weak to accept (e.g. RSA 1024). */
  protected abstract CertificateSigningRequest aCsrWithWeakKey();

  @BeforeEach
  void setUpCsrVerifierContract() {
    verifier = createCsrVerifier();
  }

  @Test
  void verify_validCsr_isAcceptedWithItsPublicKey() {
    KeyedCsr csr = aValidCsr();

    assertThat(verifier.verify(csr.csr())).isEqualTo(new CsrVerification.Accepted(csr.publicKey()));
  }

  @Test
  void verify_invalidSignature_isRejected() {
    assertThat(verifier.verify(aCsrWithInvalidSignature()))
        .isInstanceOf(CsrVerification.Rejected.class);
  }

  @Test
  void verify_weakKey_isRejected() {
    assertThat(verifier.verify(aCsrWithWeakKey())).isInstanceOf(CsrVerification.Rejected.class);
  }

  @Test
  void verify_garbage_isRejectedWithoutThrowing() {
    assertThat(verifier.verify(new CertificateSigningRequest("not a csr")))
        .isInstanceOf(CsrVerification.Rejected.class);
    assertThat(
            verifier.verify(
                new CertificateSigningRequest(
                    "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n")))
        .isInstanceOf(CsrVerification.Rejected.class);
  }
}
