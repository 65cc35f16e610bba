package dev.mosaic.federation.adapters.pki;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The configured {@code secrets.sealingKey} (or the content of {@code secrets.sealingKeyFile}): the
 * input from which the key sealing private keys at rest is derived. Holds a copy; equality is by
 * content; {@link #toString()} never shows it.
 *
 * @param secret at least {@value #MIN_LENGTH} bytes
 */
public record SealingKey(byte[] secret) {

  /** The shortest accepted secret, in bytes. */
  public static final int MIN_LENGTH = 32;

  /**
   * @throws IllegalArgumentException if the secret is shorter than {@value #MIN_LENGTH} bytes (the
   *     message never contains it)
   */
  public SealingKey {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "secrets.sealingKey: the sealing key must be at least " + MIN_LENGTH + " bytes");
    }
    secret = secret.clone();
  }

  /** The UTF-8 bytes of a configured text secret. */
  public static SealingKey of(String text) {
    return new SealingKey(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy of the secret. */
  @Override
  public byte[] secret() {
    return secret.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SealingKey key && MessageDigest.isEqual(secret, key.secret);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(secret);
  }

  @Override
  public String toString() {
    return "SealingKey[redacted]";
  }
}
