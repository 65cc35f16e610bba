package dev.mosaic.federation.application.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 key of list cursors (SPEC §7). Derived from the configured sealing secret through
 * its own derivation ({@link #derive}), so the cursor MAC never uses the sealing key itself.
 *
 * @param bytes at least 32 bytes; copied in and out
 */
public record CursorKey(byte[] bytes) {
  static final int MIN_BYTES = 32;
  private static final byte[] LABEL =
      "mosaic-federation/cursor-mac/v1".getBytes(StandardCharsets.US_ASCII);

  public CursorKey {
    if (bytes == null || bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException("a cursor key has at least " + MIN_BYTES + " bytes");
    }
    bytes = bytes.clone();
  }

  /**
   * The cursor key of a sealing secret: HMAC-SHA256(secret, {@code
   * "mosaic-federation/cursor-mac/v1"}) — a one-way, domain-separated derivation.
   *
   * @param sealingSecret the configured {@code secrets.sealingKey} material (raw bytes)
   */
  public static CursorKey derive(byte[] sealingSecret) {
    if (sealingSecret == null || sealingSecret.length == 0) {
      throw new IllegalArgumentException("the sealing secret must not be empty");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sealingSecret, "HmacSHA256"));
      return new CursorKey(mac.doFinal(LABEL));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK provides HmacSHA256", e);
    }
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CursorKey other && MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Never reveals the key. */
  @Override
  public String toString() {
    return "CursorKey[redacted]";
  }
}
