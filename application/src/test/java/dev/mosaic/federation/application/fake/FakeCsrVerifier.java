package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.CsrVerification;
import dev.mosaic.federation.application.port.out.CsrVerifier;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link CsrVerifier} for {@link FakePki} CSRs: signature must be ok, algorithm strong. */
public final class FakeCsrVerifier implements CsrVerifier {
  private static final Set<String> STRONG = Set.of("EC-P256", "EC-P384", "RSA-2048", "RSA-4096");

  @Override
  public CsrVerification verify(CertificateSigningRequest csr) {
    Optional<Map<String, String>> fields = FakePki.csrFields(csr);
    if (fields.isEmpty()) {
      return new CsrVerification.Rejected("the CSR is not a PEM certificate request");
    }
    Map<String, String> f = fields.get();
    Optional<PublicKeyFingerprint> key = PublicKeyFingerprint.tryParse(f.get("key"));
    if (key.isEmpty()) {
      return new CsrVerification.Rejected("the CSR has no readable public key");
    }
    if (!"ok".equals(f.get("sig"))) {
      return new CsrVerification.Rejected("the CSR's self-signature is invalid");
    }
    if (!STRONG.contains(f.get("alg"))) {
      return new CsrVerification.Rejected(
          "the CSR's key is too weak: use EC P-256/P-384 or RSA >= 2048");
    }
    return new CsrVerification.Accepted(key.get());
  }
}
