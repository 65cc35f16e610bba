package dev.mosaic.federation.domain.enrollment;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The secret part of an enrollment URL: {@value #LENGTH} random bytes, written base64url without
 * padding. Never stored: only its {@link #hash()} is.
 */
public final class RawEnrollmentToken {
  public static final int LENGTH = 32;

  private final byte[] bytes;

  private RawEnrollmentToken(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps {@value #LENGTH} random bytes (from a {@code SecureRandom}).
   *
   * @throws IllegalArgumentException for any other length
   */
  public static RawEnrollmentToken of(byte[] randomBytes) {
    Objects.requireNonNull(randomBytes, "randomBytes");
    if (randomBytes.length != LENGTH) {
      throw new IllegalArgumentException("an enrollment token is " + LENGTH + " bytes");
    }
    return new RawEnrollmentToken(randomBytes.clone());
  }

  /** Decodes the base64url text form, or empty when it is not a token. */
  public static Optional<RawEnrollmentToken> decode(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      byte[] decoded = Base64.getUrlDecoder().decode(text.strip());
      return decoded.length == LENGTH
          ? Optional.of(new RawEnrollmentToken(decoded))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The base64url text form (no padding). */
  public String encode() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The stored form of this token. */
  public TokenHash hash() {
    return TokenHash.of(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawEnrollmentToken t && Arrays.equals(bytes, t.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Never reveals the token. */
  @Override
  public String toString() {
    return "RawEnrollmentToken[redacted]";
  }
}
