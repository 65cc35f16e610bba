package dev.mosaic.federation.domain.audit;

import dev.mosaic.federation.domain.common.Sha256;
import java.util.Locale;
import java.util.Optional;

/**
 * The SHA-256 of a canonical request (see {@link
 * dev.mosaic.federation.domain.common.CanonicalJson}). Held as 64 lowercase hex characters.
 */
public record QueryHash(String hex) {
  public QueryHash {
    Sha256.requireHex(hex, "QueryHash");
  }

  /** The hash of the canonical request bytes. */
  public static QueryHash of(byte[] bytes) {
    return new QueryHash(Sha256.hex(bytes));
  }

  /**
   * Parses hex (either case, optionally prefixed {@code sha256:}, colons allowed between bytes).
   *
   * @throws IllegalArgumentException when the text is not a SHA-256 in hex
   */
  public static QueryHash parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () -> new IllegalArgumentException("not a SHA-256 hex fingerprint: '" + text + "'"));
  }

  /** Like {@link #parse} but empty instead of throwing. */
  public static Optional<QueryHash> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String normalized = text.strip().toLowerCase(Locale.ROOT);
    if (normalized.startsWith("sha256:")) {
      normalized = normalized.substring("sha256:".length());
    }
    normalized = normalized.replace(":", "");
    return Sha256.isHex(normalized) ? Optional.of(new QueryHash(normalized)) : Optional.empty();
  }

  /** The hash of the canonical JSON text of a generic request tree. */
  public static QueryHash ofRequest(Object requestTree) {
    return of(
        dev.mosaic.federation.domain.common.CanonicalJson.write(requestTree)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return hex;
  }
}
