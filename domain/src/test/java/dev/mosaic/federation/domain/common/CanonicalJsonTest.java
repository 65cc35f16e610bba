package dev.mosaic.federation.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  @Test
  void write_sortsKeysAndEscapes() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("z", Arrays.asList(1, 2.5, null, true));
    tree.put("a", "q\"uote\n\u0001");
    tree.put("m", Map.of("y", 1L, "b", 3.0));

    assertThat(CanonicalJson.write(tree))
        .isEqualTo(
            "{\"a\":\"q\\\"uote\\n\\u0001\",\"m\":{\"b\":3,\"y\":1},\"z\":[1,2.5,null,true]}");
  }

  @Test
  void write_nonJsonValue_isRefused() {
    assertThatThrownBy(() -> CanonicalJson.write(List.of(new Object())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void uuids_parseCanonical_rejectsShortForms() {
    assertThat(Uuids.tryParseCanonical("1-1-1-1-1")).isEmpty();
    assertThat(Uuids.tryParseCanonical("00000000-0000-0000-0000-00000000000A")).isPresent();
    assertThat(Uuids.tryParseCanonical(null)).isEmpty();
  }
}
