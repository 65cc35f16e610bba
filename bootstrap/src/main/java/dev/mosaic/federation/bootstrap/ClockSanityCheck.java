package dev.mosaic.federation.bootstrap;

import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/**
 * Doctor probe {@code clock}: the wall clock reads a plausible date. A clock stuck in the past (a
 * machine booted without RTC or NTP) makes every certificate look not-yet-valid, one far in the
 * future makes them look expired; both break mTLS long before anything else notices.
 */
final class ClockSanityCheck implements DependencyCheck {

  /** No correct clock reads earlier than this: the year this software was first released. */
  static final Instant EARLIEST_PLAUSIBLE = Instant.parse("2026-01-01T00:00:00Z");

  /** Nor later than this. */
  static final Instant LATEST_PLAUSIBLE = Instant.parse("2100-01-01T00:00:00Z");

  private static final String REMEDY =
      "set the system clock and keep it synchronised (enable NTP, e.g. timedatectl set-ntp true)";

  private final InstantSource clock;

  ClockSanityCheck(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "clock";
  }

  @Override
  public CheckResult check() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    if (now.isBefore(EARLIEST_PLAUSIBLE)) {
      return CheckResult.fail(
          "system clock reads " + now + ", before " + EARLIEST_PLAUSIBLE + "; it is wrong", REMEDY);
    }
    if (!now.isBefore(LATEST_PLAUSIBLE)) {
      return CheckResult.fail(
          "system clock reads " + now + ", after " + LATEST_PLAUSIBLE + "; it is wrong", REMEDY);
    }
    return CheckResult.ok("system clock reads " + now);
  }
}
