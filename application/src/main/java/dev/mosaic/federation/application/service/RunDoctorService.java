package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.CheckOutcome;
import dev.mosaic.federation.application.port.in.DoctorReport;
import dev.mosaic.federation.application.port.in.RunDoctorUseCase;
import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@link RunDoctorUseCase}: every check on its own virtual thread, all started together and all
 * abandoned (interrupted) at the cap, so the doctor answers within about one cap whatever hangs.
 * Reported in name order.
 */
public class RunDoctorService implements RunDoctorUseCase {
  static final Duration PROBE_CAP = Duration.ofSeconds(5);

  private final List<DependencyCheck> checks;
  private final Duration cap;

  @Inject
  public RunDoctorService(Set<DependencyCheck> checks) {
    this(checks, PROBE_CAP);
  }

  RunDoctorService(Set<DependencyCheck> checks, Duration cap) {
    this.checks = checks.stream().sorted(Comparator.comparing(DependencyCheck::name)).toList();
    this.cap = cap;
  }

  @Override
  public DoctorReport run() {
    List<Callable<CheckResult>> tasks = new ArrayList<>();
    for (DependencyCheck check : checks) {
      tasks.add(check::check);
    }
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    try {
      List<Future<CheckResult>> futures =
          executor.invokeAll(tasks, cap.toNanos(), TimeUnit.NANOSECONDS);
      List<CheckOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < checks.size(); i++) {
        outcomes.add(
            new CheckOutcome(checks.get(i).name(), outcome(checks.get(i), futures.get(i))));
      }
      return new DoctorReport(outcomes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      List<CheckOutcome> outcomes = new ArrayList<>();
      for (DependencyCheck check : checks) {
        outcomes.add(
            new CheckOutcome(
                check.name(), CheckResult.fail("the doctor was interrupted", "run it again")));
      }
      return new DoctorReport(outcomes);
    } finally {
      // Never wait for a probe that ignores interruption.
      executor.shutdownNow();
    }
  }

  private CheckResult outcome(DependencyCheck check, Future<CheckResult> future) {
    try {
      CheckResult result = future.get();
      return result != null
          ? result
          : CheckResult.fail("the probe returned nothing", "report this as a bug");
    } catch (CancellationException e) {
      return CheckResult.fail(
          "no answer within " + seconds(cap),
          "check that " + check.name() + " is reachable from this host and not overloaded");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return CheckResult.fail(
          "the probe failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
          "check the " + check.name() + " configuration and that it is running");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CheckResult.fail("the doctor was interrupted", "run it again");
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
