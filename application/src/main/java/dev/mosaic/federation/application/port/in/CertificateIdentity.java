package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.util.Objects;
import java.util.Optional;

/**
 * What the TLS layer extracted from a client certificate that already passed the handshake (chain,
 * validity, clientAuth, revoked list).
 *
 * @param grantIdExtension the UTF8String value of extension {@code <arc>.1}, if present
 * @param subjectUserIdExtension the UTF8String value of extension {@code <arc>.2}, if present
 * @param fingerprint SHA-256 of the certificate's DER
 */
public record CertificateIdentity(
    Optional<String> grantIdExtension,
    Optional<String> subjectUserIdExtension,
    CertificateFingerprint fingerprint) {
  public CertificateIdentity {
    Objects.requireNonNull(grantIdExtension, "grantIdExtension");
    Objects.requireNonNull(subjectUserIdExtension, "subjectUserIdExtension");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }
}
