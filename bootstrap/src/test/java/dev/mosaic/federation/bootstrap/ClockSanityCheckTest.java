package dev.mosaic.federation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.CheckStatus;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class ClockSanityCheckTest {

  @Test
  void check_plausibleTime_isOk() {
    CheckResult result = check("2026-11-28T17:00:00.123Z");

    assertThat(result.status()).isEqualTo(CheckStatus.OK);
    assertThat(result.detail()).isEqualTo("system clock reads 2026-11-28T17:00:00Z");
  }

  @Test
  void check_clockStuckAtTheEpoch_failsWithRemedy() {
    CheckResult result = check("1970-01-01T00:00:05Z");

    assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(result.detail()).contains("1970-01-01T00:00:05Z");
    assertThat(result.remedy()).contains("NTP");
  }

  @Test
  void check_clockFarInTheFuture_fails() {
    assertThat(check("2100-01-01T00:00:00Z").status()).isEqualTo(CheckStatus.FAIL);
  }

  @Test
  void name_isClock() {
    assertThat(new ClockSanityCheck(InstantSource.system()).name()).isEqualTo("clock");
  }

  private static CheckResult check(String instant) {
    return new ClockSanityCheck(InstantSource.fixed(Instant.parse(instant))).check();
  }
}
