package dev.mosaic.federation.domain.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.domain.audit.QueryHash;
import dev.mosaic.federation.domain.enrollment.TokenHash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static final String ABC_SHA256 =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void of_bytes_isLowercaseSha256() {
    assertThat(CertificateFingerprint.of("abc".getBytes(StandardCharsets.US_ASCII)).hex())
        .isEqualTo(ABC_SHA256);
    assertThat(TokenHash.of("abc".getBytes(StandardCharsets.US_ASCII)).hex()).isEqualTo(ABC_SHA256);
  }

  @Test
  void construct_uppercaseOrShort_isRefused() {
    assertThatThrownBy(() -> new CertificateFingerprint(ABC_SHA256.toUpperCase()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PublicKeyFingerprint("abc"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_prefixedColonSeparatedUppercase_isNormalized() {
    StringBuilder colons = new StringBuilder();
    for (int i = 0; i < ABC_SHA256.length(); i += 2) {
      colons.append(i == 0 ? "" : ":").append(ABC_SHA256, i, i + 2);
    }
    assertThat(CertificateFingerprint.parse("sha256:" + colons.toString().toUpperCase()).hex())
        .isEqualTo(ABC_SHA256);
    assertThat(CertificateFingerprint.tryParse("sha256:xyz")).isEmpty();
  }

  @Test
  void queryHash_ofRequest_ignoresKeyOrder() {
    assertThat(QueryHash.ofRequest(Map.of("a", 1, "b", List.of("x"))))
        .isEqualTo(QueryHash.ofRequest(new java.util.TreeMap<>(Map.of("b", List.of("x"), "a", 1))));
    assertThat(QueryHash.ofRequest(Map.of("a", 1)))
        .isNotEqualTo(QueryHash.ofRequest(Map.of("a", 2)));
  }
}
