package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.domain.pki.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link KeySealer}: authenticated encryption under one key. */
public abstract class KeySealerContract {
  private static final byte[] SECRET =
      "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n"
          .getBytes(StandardCharsets.UTF_8);

  protected KeySealer sealer;

  protected abstract KeySealer createKeySealer();

  /** A sealer configured with a different secret. */
  protected abstract KeySealer createKeySealerWithAnotherKey();

  @BeforeEach
  void setUpKeySealerContract() {
    sealer = createKeySealer();
  }

  @Test
  void open_ofSeal_returnsThePlaintext() {
    assertThat(sealer.open(sealer.seal(SECRET)))
        .hasValueSatisfying(p -> assertThat(p).isEqualTo(SECRET));
  }

  @Test
  void seal_neverContainsThePlaintext() {
    byte[] sealed = sealer.seal(SECRET).ciphertext();
    String hex = HexFormat.of().formatHex(sealed);

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY");
    assertThat(hex).doesNotContain(HexFormat.of().formatHex(SECRET, 0, 16));
  }

  @Test
  void seal_twice_givesDifferentBytes() {
    assertThat(sealer.seal(SECRET)).isNotEqualTo(sealer.seal(SECRET));
  }

  @Test
  void open_tampered_isEmpty() {
    byte[] bytes = sealer.seal(SECRET).ciphertext();
    bytes[bytes.length - 1] ^= 0x01;

    assertThat(sealer.open(SealedSecret.of(bytes))).isEmpty();
  }

  @Test
  void open_sealedUnderAnotherKey_isEmpty() {
    SealedSecret foreign = createKeySealerWithAnotherKey().seal(SECRET);

    assertThat(sealer.open(foreign)).isEmpty();
  }

  @Test
  void open_garbage_isEmpty() {
    assertThat(sealer.open(SealedSecret.of(new byte[] {1, 2, 3}))).isEmpty();
  }
}
