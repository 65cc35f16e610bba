package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.domain.pki.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * {@link KeySealer} with AES-256-GCM (SPEC §4).
 *
 * <p>Key: HKDF-SHA256 (RFC 5869) of the {@link SealingKey} with the fixed salt {@value #SALT} and
 * the info {@value #KEY_INFO}; a second HKDF output (info {@value #KEY_ID_INFO}, 4 bytes) is the
 * key id, which tells keys apart without revealing them.
 *
 * <p>Sealed form, version 1: {@code 0x01 | key id (4) | nonce (12, random per seal) | ciphertext |
 * tag (16)}; the first five bytes are authenticated as associated data. A future key or format
 * rotation gets a new version byte.
 */
final class AesGcmKeySealer implements KeySealer {

  static final byte VERSION = 1;
  static final String SALT = "mosaic-federation/key-sealer";
  static final String KEY_INFO = "v1 aes-256-gcm key";
  static final String KEY_ID_INFO = "v1 key id";

  private static final int KEY_ID_LENGTH = 4;
  private static final int HEADER_LENGTH = 1 + KEY_ID_LENGTH;
  private static final int NONCE_LENGTH = 12;
  private static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final SecretKeySpec key;
  private final byte[] header;
  private final SecureRandom random;

  AesGcmKeySealer(SealingKey sealingKey, SecureRandom random) {
    byte[] secret = sealingKey.secret();
    this.key = new SecretKeySpec(hkdf(secret, KEY_INFO, 32), "AES");
    this.header = new byte[HEADER_LENGTH];
    header[0] = VERSION;
    System.arraycopy(hkdf(secret, KEY_ID_INFO, KEY_ID_LENGTH), 0, header, 1, KEY_ID_LENGTH);
    Arrays.fill(secret, (byte) 0);
    this.random = random;
  }

  @Override
  public SealedSecret seal(byte[] plaintext) {
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    byte[] sealed;
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(header);
      sealed = cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is available on every JDK", e);
    }
    byte[] out = new byte[HEADER_LENGTH + NONCE_LENGTH + sealed.length];
    System.arraycopy(header, 0, out, 0, HEADER_LENGTH);
    System.arraycopy(nonce, 0, out, HEADER_LENGTH, NONCE_LENGTH);
    System.arraycopy(sealed, 0, out, HEADER_LENGTH + NONCE_LENGTH, sealed.length);
    return SealedSecret.of(out);
  }

  @Override
  public Optional<byte[]> open(SealedSecret sealed) {
    byte[] bytes = sealed.ciphertext();
    if (bytes.length < HEADER_LENGTH + NONCE_LENGTH + TAG_BITS / 8
        || !MessageDigest.isEqual(Arrays.copyOf(bytes, HEADER_LENGTH), header)) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, bytes, HEADER_LENGTH, NONCE_LENGTH));
      cipher.updateAAD(bytes, 0, HEADER_LENGTH);
      int offset = HEADER_LENGTH + NONCE_LENGTH;
      return Optional.of(cipher.doFinal(bytes, offset, bytes.length - offset));
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is available on every JDK", e);
    }
  }

  private static byte[] hkdf(byte[] secret, String info, int length) {
    var generator = new HKDFBytesGenerator(new SHA256Digest());
    generator.init(
        new HKDFParameters(
            secret,
            SALT.getBytes(StandardCharsets.US_ASCII),
            info.getBytes(StandardCharsets.US_ASCII)));
    byte[] out = new byte[length];
    generator.generateBytes(out, 0, length);
    return out;
  }

  @Override
  public String toString() {
    return "AesGcmKeySealer[key redacted]";
  }
}
