package dev.mosaic.federation.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parse_eachUnit_givesTheDuration() {
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
    assertThat(Durations.parse("15m")).contains(Duration.ofMinutes(15));
    assertThat(Durations.parse("720h")).contains(Duration.ofHours(720));
    assertThat(Durations.parse("30d")).contains(Duration.ofDays(30));
    assertThat(Durations.parse("0")).contains(Duration.ZERO);
  }

  @Test
  void parse_noUnitOrUnknownUnitOrNegative_isEmpty() {
    assertThat(Durations.parse("30")).isEmpty();
    assertThat(Durations.parse("3w")).isEmpty();
    assertThat(Durations.parse("-5s")).isEmpty();
    assertThat(Durations.parse("PT5S")).isEmpty();
  }

  @Test
  void format_usesTheLargestExactUnit() {
    assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
    assertThat(Durations.format(Duration.ofHours(36))).isEqualTo("36h");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
  }
}
