package dev.mosaic.federation.domain.link;

import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.SealedSecret;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A link's client certificate and its private key, sealed.
 *
 * @param certificatePem the client certificate
 * @param chainPem the intermediate certificates up to (excluding) the root, may be empty
 * @param fingerprint SHA-256 of the certificate's DER
 * @param notAfter the end of the certificate's validity
 * @param sealedPrivateKey the PKCS#8 private key sealed by the key sealer
 */
public record LinkCertificate(
    String certificatePem,
    List<String> chainPem,
    CertificateFingerprint fingerprint,
    Instant notAfter,
    SealedSecret sealedPrivateKey) {
  public LinkCertificate {
    Objects.requireNonNull(certificatePem, "certificatePem");
    chainPem = List.copyOf(chainPem);
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(sealedPrivateKey, "sealedPrivateKey");
  }
}
