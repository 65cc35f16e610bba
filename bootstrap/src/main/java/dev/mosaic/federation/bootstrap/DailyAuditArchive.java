package dev.mosaic.federation.bootstrap;

import dev.mosaic.federation.application.port.in.ArchiveAuditUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the audit rollover of {@code gateway serve}: first shortly after start, then every {@code
 * period}, on one daemon thread. A failed run is reported and retried at the next period; {@link
 * #close()} stops the schedule (a run in progress is interrupted).
 */
public final class DailyAuditArchive implements AutoCloseable {
  public static final Duration FIRST_RUN = Duration.ofMinutes(1);
  public static final Duration PERIOD = Duration.ofDays(1);

  private final ScheduledExecutorService scheduler;

  private DailyAuditArchive(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * Schedules {@code archive} after {@code firstRun}, then every {@code period}; {@code report}
   * gets one line per run (rows moved, or why it failed).
   */
  public static DailyAuditArchive start(
      ArchiveAuditUseCase archive, Duration firstRun, Duration period, Consumer<String> report) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mosaic-audit-archive").daemon().factory());
    scheduler.scheduleAtFixedRate(
        () -> {
          try {
            int moved = archive.archive();
            report.accept("audit rollover: moved " + moved + " rows older than 90 days");
          } catch (RuntimeException e) {
            report.accept("audit rollover failed (retried in " + period + "): " + e.getMessage());
          }
        },
        firstRun.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
    return new DailyAuditArchive(scheduler);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
