package dev.mosaic.federation.bootstrap;

import dev.mosaic.federation.application.port.in.RenewLinkResult;
import dev.mosaic.federation.application.service.RenewalScheduler;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Ticks the {@link RenewalScheduler} of {@code gateway serve} (and the demo's home gateway) every
 * {@code tickPeriod} on one daemon thread — a short period that compares the wall clock with each
 * link's renewal time, so a suspend or a clock jump is caught at the next tick, never one long
 * sleep. Each renewal is reported in one line; a failed tick is reported and the next one tries
 * again. {@link #close()} stops the ticks and waits briefly for a renewal in progress to finish.
 */
public final class RenewalTicker implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final ScheduledExecutorService executor;

  private RenewalTicker(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /** Starts ticking at once, then every {@code scheduler.settings().tickPeriod()}. */
  public static RenewalTicker start(RenewalScheduler scheduler, Consumer<String> report) {
    return start(scheduler, scheduler.settings().tickPeriod(), report);
  }

  static RenewalTicker start(
      RenewalScheduler scheduler, Duration tickPeriod, Consumer<String> report) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mosaic-renewal").daemon().factory());
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            for (RenewalScheduler.Attempt attempt : scheduler.tick()) {
              report.accept(describe(attempt.result()));
            }
          } catch (RuntimeException e) {
            report.accept("renewal check failed (retried at the next tick): " + e.getMessage());
          }
        },
        0,
        tickPeriod.toMillis(),
        TimeUnit.MILLISECONDS);
    return new RenewalTicker(executor);
  }

  static String describe(RenewLinkResult result) {
    return switch (result) {
      case RenewLinkResult.Renewed renewed ->
          "renewed the certificate of link "
              + renewed.link().peerName()
              + " ("
              + renewed.link().localUserHandle()
              + "): sha256:"
              + renewed.link().certificateFingerprint().hex()
              + ", valid until "
              + renewed.link().certificateNotAfter();
      case RenewLinkResult.Failed failed ->
          "link "
              + failed.link().peerName()
              + " ("
              + failed.link().localUserHandle()
              + ") is degraded: "
              + failed.reason();
      case RenewLinkResult.Revoked revoked ->
          "link "
              + revoked.link().peerName()
              + " ("
              + revoked.link().localUserHandle()
              + ") is revoked by the peer; it is no longer renewed";
      case RenewLinkResult.NotFound notFound -> "link " + notFound.peerName() + " was removed";
      case RenewLinkResult.UnknownLocalUser unknown -> "unknown local user " + unknown.handle();
      case RenewLinkResult.Ambiguous ambiguous -> "ambiguous link " + ambiguous.peerName();
    };
  }

  /** Whether the ticks have stopped for good: no tick runs now or later. */
  boolean isTerminated() {
    return executor.isTerminated();
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
