package dev.mosaic.federation.domain.enrollment;

import dev.mosaic.federation.domain.common.Sha256;

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

  @Override
  public String toString() {
    return hex;
  }
}
