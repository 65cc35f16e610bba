package dev.mosaic.federation.domain.enrollment;

import dev.mosaic.federation.domain.common.Sha256;
import java.util.Locale;
import java.util.Optional;

/**
 * The SHA-256 of an enrollment token's raw bytes; the only form in which a token is stored. Held as
 * 64 lowercase hex characters.
 */
public record TokenHash(String hex) {
  public TokenHash {
    Sha256.requireHex(hex, "TokenHash");
  }

  /** The hash of a token's raw bytes. */
  public static TokenHash of(byte[] bytes) {
    return new TokenHash(Sha256.hex(bytes));
  }

  /**
   * Parses hex (either case, optionally prefixed {@code sha256:}, colons allowed between bytes).
   *
   * @throws IllegalArgumentException when the text is not a SHA-256 in hex
   */
  public static TokenHash parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () -> new IllegalArgumentException("not a SHA-256 hex fingerprint: '" + text + "'"));
  }

  /** Like {@link #parse} but empty instead of throwing. */
  public static Optional<TokenHash> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String normalized = text.strip().toLowerCase(Locale.ROOT);
    if (normalized.startsWith("sha256:")) {
      normalized = normalized.substring("sha256:".length());
    }
    normalized = normalized.replace(":", "");
    return Sha256.isHex(normalized) ? Optional.of(new TokenHash(normalized)) : Optional.empty();
  }

  @Override
  public String toString() {
    return hex;
  }
}
