package dev.mosaic.federation.domain.enrollment;

import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.util.List;
import java.util.Objects;

/**
 * The certificate handed out for a redeemed token, kept with the token so that a retry with the
 * same public key within the TTL gets the very same certificate back (certificates are public).
 */
public record EnrollmentCertificate(
    CertificateFingerprint fingerprint, String certificatePem, List<String> chainPem) {
  public EnrollmentCertificate {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(certificatePem, "certificatePem");
    chainPem = List.copyOf(chainPem);
  }
}
