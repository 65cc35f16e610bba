package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
  record Inner(Integer limit, Boolean partial) {}

  record Outer(String query, Inner page, List<Double> embedding) {}

  private static Outer read(String json) {
    return Json.read(json.getBytes(StandardCharsets.UTF_8), Outer.class);
  }

  private static void assertRefused(String json, String message) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(
            WireException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  @Test
  void read_wellTyped_readsEveryField() {
    Outer value =
        read("{\"query\":\"q\",\"page\":{\"limit\":5,\"partial\":true},\"embedding\":[1,0.5]}");

    assertThat(value).isEqualTo(new Outer("q", new Inner(5, true), List.of(1.0, 0.5)));
  }

  @Test
  void read_scalarCoercions_areRefusedNamingTheField() {
    assertRefused("{\"page\":{\"limit\":\"5\"}}", "field 'page.limit' must be an integer");
    assertRefused("{\"page\":{\"limit\":5.5}}", "field 'page.limit' must be an integer");
    assertRefused("{\"page\":{\"partial\":1}}", "field 'page.partial' must be a boolean");
    assertRefused("{\"query\":true}", "field 'query' must be a string");
    assertRefused("{\"embedding\":[\"x\"]}", "field 'embedding[0]' must be a number");
    assertRefused("{\"embedding\":{}}", "field 'embedding' must be an array");
  }

  @Test
  void read_unknownNestedField_isNamedWithItsParent() {
    assertRefused("{\"page\":{\"limit\":1,\"offset\":2}}", "unknown field 'page.offset'");
  }

  @Test
  void read_unknownFieldWithAStrangeName_doesNotEchoIt() {
    assertRefused("{\"tok<secret>\":1}", "unknown field '?'");
  }

  @Test
  void saturatedLong_keepsTheValueInRangeAndTheSignBeyondIt() {
    assertThat(Json.saturatedLong(null)).isEmpty();
    assertThat(Json.saturatedLong(BigInteger.valueOf(-7))).hasValue(-7);
    assertThat(Json.saturatedLong(BigInteger.valueOf(Long.MAX_VALUE))).hasValue(Long.MAX_VALUE);
    assertThat(Json.saturatedLong(BigInteger.valueOf(Long.MIN_VALUE))).hasValue(Long.MIN_VALUE);
    assertThat(Json.saturatedLong(BigInteger.TWO.pow(64))).hasValue(Long.MAX_VALUE);
    assertThat(Json.saturatedLong(BigInteger.TWO.pow(64).negate())).hasValue(Long.MIN_VALUE);
  }

  record Paged(BigInteger limit) {}

  @Test
  void read_bigIntegerField_refusesFractionsAndStringsAsNotAnInteger() {
    for (String limit : List.of("1.0", "\"1\"", "1e2", "false")) {
      assertThatThrownBy(
              () ->
                  Json.read(
                      ("{\"limit\":" + limit + "}").getBytes(StandardCharsets.UTF_8), Paged.class))
          .as(limit)
          .hasMessage("field 'limit' must be an integer");
    }
    assertThat(
            Json.read(
                    "{\"limit\":99999999999999999999999}".getBytes(StandardCharsets.UTF_8),
                    Paged.class)
                .limit())
        .isEqualTo(new BigInteger("99999999999999999999999"));
  }
}
