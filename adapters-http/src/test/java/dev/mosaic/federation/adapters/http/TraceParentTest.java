package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceParentTest {
  private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void parse_version00_readsTheFields() {
    TraceParent trace = TraceParent.parse(VALID).orElseThrow();

    assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(trace.parentId()).isEqualTo("00f067aa0ba902b7");
    assertThat(trace.flags()).isEqualTo("01");
    assertThat(trace.header()).isEqualTo(VALID);
  }

  @Test
  void parse_laterVersionWithMoreFields_readsTheKnownOnes() {
    assertThat(TraceParent.parse("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"))
        .hasValueSatisfying(t -> assertThat(t.version()).isEqualTo("cc"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "garbage",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01"
      })
  void parse_invalid_isEmpty(String header) {
    assertThat(TraceParent.parse(header)).isEmpty();
  }

  @Test
  void parse_null_isEmpty() {
    assertThat(TraceParent.parse(null)).isEmpty();
  }
}
