package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.CsrVerification;
import dev.mosaic.federation.application.port.out.CsrVerifier;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import java.io.IOException;

/** {@link CsrVerifier} over {@link CertificateRequests}. */
final class BouncyCastleCsrVerifier implements CsrVerifier {

  @Override
  public CsrVerification verify(CertificateSigningRequest csr) {
    return switch (CertificateRequests.check(csr.pem())) {
      case CsrCheck.Rejected rejected -> new CsrVerification.Rejected(rejected.reason());
      case CsrCheck.Accepted accepted -> {
        try {
          yield new CsrVerification.Accepted(
              PublicKeyFingerprint.of(accepted.request().getSubjectPublicKeyInfo().getEncoded()));
        } catch (IOException e) {
          yield new CsrVerification.Rejected("CSR public key is malformed");
        }
      }
    };
  }
}
