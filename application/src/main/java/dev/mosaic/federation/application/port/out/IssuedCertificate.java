package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.PinnedCertificate;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A certificate issued by the CA.
 *
 * @param pem the certificate
 * @param chainPem the issuing chain, intermediate(s) first, excluding the root
 * @param fingerprint SHA-256 of the certificate's DER
 */
public record IssuedCertificate(
    String pem,
    List<String> chainPem,
    CertificateFingerprint fingerprint,
    BigInteger serialNumber,
    Instant notAfter) {
  public IssuedCertificate {
    Objects.requireNonNull(pem, "pem");
    chainPem = List.copyOf(chainPem);
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(notAfter, "notAfter");
  }

  /** The pin a grant keeps for this certificate. */
  public PinnedCertificate toPin() {
    return new PinnedCertificate(fingerprint, serialNumber, notAfter);
  }
}
