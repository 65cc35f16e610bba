package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.contract.KeySealerContract;
import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.domain.pki.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AesGcmKeySealerTest extends KeySealerContract {

  private static final byte[] KEY_MATERIAL = new byte[121];

  static {
    new SecureRandom().nextBytes(KEY_MATERIAL);
  }

  @Override
  protected KeySealer createKeySealer() {
    return new AesGcmKeySealer(TestLocalCa.SEALING_KEY, new SecureRandom());
  }

  @Override
  protected KeySealer createKeySealerWithAnotherKey() {
    return new AesGcmKeySealer(TestLocalCa.OTHER_SEALING_KEY, new SecureRandom());
  }

  @Test
  void open_byAnotherInstanceWithTheSameKey_returnsThePlaintext() {
    SealedSecret sealed = createKeySealer().seal(KEY_MATERIAL);

    assertThat(createKeySealer().open(sealed))
        .hasValueSatisfying(p -> assertThat(p).isEqualTo(KEY_MATERIAL));
  }

  @Test
  void seal_binaryKey_neverContainsAnyEightBytesOfIt() {
    byte[] sealed = sealer.seal(KEY_MATERIAL).ciphertext();

    String hex = HexFormat.of().formatHex(sealed);
    for (int i = 0; i + 8 <= KEY_MATERIAL.length; i++) {
      assertThat(hex).doesNotContain(HexFormat.of().formatHex(KEY_MATERIAL, i, i + 8));
    }
  }

  @Test
  void seal_layout_isVersionKeyIdNonceCiphertextAndTag() {
    byte[] first = sealer.seal(KEY_MATERIAL).ciphertext();
    byte[] second = sealer.seal(KEY_MATERIAL).ciphertext();
    byte[] foreign = createKeySealerWithAnotherKey().seal(KEY_MATERIAL).ciphertext();

    assertThat(first).hasSize(1 + 4 + 12 + KEY_MATERIAL.length + 16);
    assertThat(first[0]).isEqualTo(AesGcmKeySealer.VERSION);
    assertThat(Arrays.copyOfRange(second, 0, 5)).isEqualTo(Arrays.copyOfRange(first, 0, 5));
    assertThat(Arrays.copyOfRange(foreign, 1, 5)).isNotEqualTo(Arrays.copyOfRange(first, 1, 5));
    assertThat(Arrays.copyOfRange(second, 5, 17)).isNotEqualTo(Arrays.copyOfRange(first, 5, 17));
  }

  @Test
  void open_headerAltered_isEmpty() {
    byte[] versionChanged = sealer.seal(KEY_MATERIAL).ciphertext();
    versionChanged[0] = 2;
    byte[] nonceChanged = sealer.seal(KEY_MATERIAL).ciphertext();
    nonceChanged[7] ^= 0x01;

    assertThat(sealer.open(SealedSecret.of(versionChanged))).isEmpty();
    assertThat(sealer.open(SealedSecret.of(nonceChanged))).isEmpty();
  }

  @Test
  void open_foreignSealWithOurKeyIdGrafted_isEmpty() {
    byte[] foreign = createKeySealerWithAnotherKey().seal(KEY_MATERIAL).ciphertext();
    byte[] ours = sealer.seal(KEY_MATERIAL).ciphertext();
    System.arraycopy(ours, 0, foreign, 0, 5);

    assertThat(sealer.open(SealedSecret.of(foreign))).isEmpty();
  }

  @Test
  void sealingKey_tooShort_isRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> SealingKey.of("short-secret-value"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes")
        .hasMessageNotContaining("short-secret-value");
  }

  @Test
  void sealingKey_toString_isRedactedAndEqualityIsByContent() {
    String text = "a test sealing key, 32 characters or more";

    assertThat(SealingKey.of(text).toString()).doesNotContain(text).contains("redacted");
    assertThat(SealingKey.of(text)).isEqualTo(TestLocalCa.SEALING_KEY);
    assertThat(SealingKey.of(text).secret()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    assertThat(TestLocalCa.OTHER_SEALING_KEY).isNotEqualTo(TestLocalCa.SEALING_KEY);
  }
}
