package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.application.port.out.CheckStatus;
import java.util.List;

/** Every probe's outcome, in the order the checks were given. */
public record DoctorReport(List<CheckOutcome> outcomes) {
  public DoctorReport {
    outcomes = List.copyOf(outcomes);
  }

  /** Whether the configured tier is satisfied: no probe failed (exit code 0). */
  public boolean satisfied() {
    return outcomes.stream().noneMatch(o -> o.result().status() == CheckStatus.FAIL);
  }
}
