package dev.mosaic.federation.domain.audit;

import dev.mosaic.federation.domain.common.Sha256;

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
