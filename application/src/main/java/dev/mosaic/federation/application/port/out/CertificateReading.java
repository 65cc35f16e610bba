package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import dev.mosaic.federation.domain.user.UserId;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The outcome of {@link CertificateReader#read}. */
public sealed interface CertificateReading {
  /**
   * A readable certificate.
   *
   * @param grantId the {@code <arc>.1} extension, empty when missing or malformed
   * @param subjectUserId the {@code <arc>.2} extension, empty when missing or malformed
   * @param clientAuthOnly extended key usage is exactly clientAuth
   * @param isCa basic constraints say CA
   */
  record Read(
      CertificateFingerprint fingerprint,
      BigInteger serialNumber,
      Instant notBefore,
      Instant notAfter,
      String commonName,
      PublicKeyFingerprint publicKey,
      Optional<GrantId> grantId,
      Optional<UserId> subjectUserId,
      boolean clientAuthOnly,
      boolean isCa)
      implements CertificateReading {
    public Read {
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(serialNumber, "serialNumber");
      Objects.requireNonNull(notBefore, "notBefore");
      Objects.requireNonNull(notAfter, "notAfter");
      Objects.requireNonNull(commonName, "commonName");
      Objects.requireNonNull(publicKey, "publicKey");
      Objects.requireNonNull(grantId, "grantId");
      Objects.requireNonNull(subjectUserId, "subjectUserId");
    }
  }

  /** Not a single well-formed certificate; {@code reason} is safe to show. */
  record Unreadable(String reason) implements CertificateReading {}
}
