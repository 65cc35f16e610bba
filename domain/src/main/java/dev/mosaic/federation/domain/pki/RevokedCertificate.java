package dev.mosaic.federation.domain.pki;

import dev.mosaic.federation.domain.grant.GrantId;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/** An entry of the serving side's revoked list: a certificate that must never be accepted again. */
public record RevokedCertificate(
    CertificateFingerprint fingerprint,
    BigInteger serialNumber,
    GrantId grantId,
    Instant notAfter,
    Instant revokedAt,
    String reason) {
  public RevokedCertificate {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(revokedAt, "revokedAt");
    Objects.requireNonNull(reason, "reason");
  }

  /** The revoked-list entry for a pinned certificate of {@code grantId}. */
  public static RevokedCertificate of(
      PinnedCertificate pinned, GrantId grantId, Instant revokedAt, String reason) {
    return new RevokedCertificate(
        pinned.fingerprint(), pinned.serialNumber(), grantId, pinned.notAfter(), revokedAt, reason);
  }
}
