package dev.mosaic.federation.domain.pki;

import dev.mosaic.federation.domain.common.Sha256;
import java.util.Optional;

/**
 * The SHA-256 fingerprint of a DER-encoded X.509 certificate. Held as 64 lowercase hex characters.
 */
public record CertificateFingerprint(String hex) {
  public CertificateFingerprint {
    Sha256.requireHex(hex, "CertificateFingerprint");
  }

  /** The fingerprint of a DER-encoded certificate. */
  public static CertificateFingerprint of(byte[] bytes) {
    return new CertificateFingerprint(Sha256.hex(bytes));
  }

  /**
   * Parses hex (either case, optionally prefixed {@code sha256:}, colons allowed between bytes).
   *
   * @throws IllegalArgumentException when the text is not a SHA-256 in hex
   */
  public static CertificateFingerprint parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () -> new IllegalArgumentException("not a SHA-256 hex fingerprint: '" + text + "'"));
  }

  /** Like {@link #parse} but empty instead of throwing. */
  public static Optional<CertificateFingerprint> tryParse(String text) {
    return Sha256.normalize(text).map(CertificateFingerprint::new);
  }

  @Override
  public String toString() {
    return hex;
  }
}
