package dev.mosaic.federation.domain.pki;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/** A client certificate pinned for a grant: its fingerprint, serial number and expiry. */
public record PinnedCertificate(
    CertificateFingerprint fingerprint, BigInteger serialNumber, Instant notAfter) {
  public PinnedCertificate {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(notAfter, "notAfter");
  }
}
