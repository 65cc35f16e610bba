package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.application.port.out.CheckResult;
import java.util.Objects;

/** One line of the doctor's report. */
public record CheckOutcome(String name, CheckResult result) {
  public CheckOutcome {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(result, "result");
  }
}
