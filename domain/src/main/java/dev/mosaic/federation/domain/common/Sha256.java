package dev.mosaic.federation.domain.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** SHA-256 digests as lowercase hex, the form every fingerprint and hash of the domain uses. */
public final class Sha256 {
  private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

  private Sha256() {}

  /** The SHA-256 of {@code bytes} as 64 lowercase hex characters. */
  public static String hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  /**
   * Checks that {@code hex} is 64 lowercase hex characters.
   *
   * @throws IllegalArgumentException naming {@code what} otherwise
   */
  public static String requireHex(String hex, String what) {
    if (hex == null || !HEX_64.matcher(hex).matches()) {
      throw new IllegalArgumentException(
          what + " must be 64 lowercase hex characters (SHA-256), was '" + hex + "'");
    }
    return hex;
  }

  /** Whether {@code hex} is 64 lowercase hex characters. */
  public static boolean isHex(String hex) {
    return hex != null && HEX_64.matcher(hex).matches();
  }

  /**
   * Normalizes a SHA-256 written in hex (either case, optionally prefixed {@code sha256:}, colons
   * allowed between bytes) to 64 lowercase hex characters; empty when it is not one.
   */
  public static Optional<String> normalize(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String normalized = text.strip().toLowerCase(Locale.ROOT);
    if (normalized.startsWith("sha256:")) {
      normalized = normalized.substring("sha256:".length());
    }
    normalized = normalized.replace(":", "");
    return isHex(normalized) ? Optional.of(normalized) : Optional.empty();
  }
}
