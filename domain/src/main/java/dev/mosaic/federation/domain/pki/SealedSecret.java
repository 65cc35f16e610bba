package dev.mosaic.federation.domain.pki;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Ciphertext of a secret (a private key) as produced by the key sealer: safe to store, useless
 * without the sealing key. Holds a defensive copy; equality is by content.
 */
public final class SealedSecret {
  private final byte[] ciphertext;

  private SealedSecret(byte[] ciphertext) {
    this.ciphertext = ciphertext;
  }

  public static SealedSecret of(byte[] ciphertext) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    if (ciphertext.length == 0) {
      throw new IllegalArgumentException("sealed secret must not be empty");
    }
    return new SealedSecret(ciphertext.clone());
  }

  /** A copy of the ciphertext bytes. */
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SealedSecret other && Arrays.equals(ciphertext, other.ciphertext);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    String hex = HexFormat.of().formatHex(ciphertext, 0, Math.min(4, ciphertext.length));
    return "SealedSecret[" + ciphertext.length + " bytes, " + hex + "…]";
  }
}
