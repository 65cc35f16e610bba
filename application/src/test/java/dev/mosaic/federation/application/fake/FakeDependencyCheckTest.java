package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.DependencyCheckContract;
import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.CheckStatus;
import dev.mosaic.federation.application.port.out.DependencyCheck;

class FakeDependencyCheckTest extends DependencyCheckContract {
  @Override
  protected DependencyCheck createDependencyCheck() {
    return FakeDependencyCheck.answering(
        "valkey-persistence", CheckResult.warn("RDB snapshots enabled", "set save \"\""));
  }

  @Override
  protected CheckStatus expectedStatus() {
    return CheckStatus.WARN;
  }
}
