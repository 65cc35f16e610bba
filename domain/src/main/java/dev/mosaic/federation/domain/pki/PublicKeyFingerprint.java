package dev.mosaic.federation.domain.pki;

import dev.mosaic.federation.domain.common.Sha256;
import java.util.Optional;

/**
 * The SHA-256 of a DER-encoded SubjectPublicKeyInfo, identifying a key pair. Held as 64 lowercase
 * hex characters.
 */
public record PublicKeyFingerprint(String hex) {
  public PublicKeyFingerprint {
    Sha256.requireHex(hex, "PublicKeyFingerprint");
  }

  /** The fingerprint of a DER-encoded SubjectPublicKeyInfo. */
  public static PublicKeyFingerprint of(byte[] bytes) {
    return new PublicKeyFingerprint(Sha256.hex(bytes));
  }

  /**
   * Parses hex (either case, optionally prefixed {@code sha256:}, colons allowed between bytes).
   *
   * @throws IllegalArgumentException when the text is not a SHA-256 in hex
   */
  public static PublicKeyFingerprint parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () -> new IllegalArgumentException("not a SHA-256 hex fingerprint: '" + text + "'"));
  }

  /** Like {@link #parse} but empty instead of throwing. */
  public static Optional<PublicKeyFingerprint> tryParse(String text) {
    return Sha256.normalize(text).map(PublicKeyFingerprint::new);
  }

  @Override
  public String toString() {
    return hex;
  }
}
