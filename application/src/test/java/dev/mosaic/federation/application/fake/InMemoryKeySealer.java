package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.domain.pki.SealedSecret;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link KeySealer} with the JDK's AES-256-GCM under a random key held in memory (each instance its
 * own key). Sealed form: 12-byte nonce followed by ciphertext and tag.
 */
public final class InMemoryKeySealer implements KeySealer {
  private static final int NONCE = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public InMemoryKeySealer() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    this.key = new SecretKeySpec(bytes, "AES");
  }

  @Override
  public SealedSecret seal(byte[] plaintext) {
    try {
      byte[] nonce = new byte[NONCE];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plaintext);
      byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE, sealed.length);
      return SealedSecret.of(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is available on every JDK", e);
    }
  }

  @Override
  public Optional<byte[]> open(SealedSecret sealed) {
    byte[] bytes = sealed.ciphertext();
    if (bytes.length < NONCE + 16) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Arrays.copyOf(bytes, NONCE)));
      return Optional.of(cipher.doFinal(bytes, NONCE, bytes.length - NONCE));
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is available on every JDK", e);
    }
  }
}
