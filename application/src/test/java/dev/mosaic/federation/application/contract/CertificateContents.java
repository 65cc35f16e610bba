package dev.mosaic.federation.application.contract;

import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@link CertificateAuthorityContract} needs to see inside an issued certificate; a real
 * adapter's test fills it by parsing the PEM (e.g. with BouncyCastle).
 *
 * @param fingerprint SHA-256 of the DER
 * @param grantExtension the UTF8String of {@code <arc>.1}
 * @param subjectExtension the UTF8String of {@code <arc>.2}
 * @param clientAuthOnly extended key usage is exactly clientAuth
 * @param publicKey SHA-256 of the SubjectPublicKeyInfo, when known
 */
public record CertificateContents(
    CertificateFingerprint fingerprint,
    BigInteger serialNumber,
    Instant notAfter,
    String commonName,
    Optional<String> grantExtension,
    Optional<String> subjectExtension,
    boolean clientAuthOnly,
    boolean isCa,
    Optional<PublicKeyFingerprint> publicKey) {}
