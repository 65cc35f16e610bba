package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.RunDoctorUseCase;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import java.time.Duration;
import java.util.Set;

/**
 * Test seam: the application's doctor with a short probe cap instead of the production 5 s, so a
 * hanging check can be exercised without waiting 5 s. Lives in the service's package to reach its
 * package-private constructor.
 */
public final class CappedDoctor {
  private CappedDoctor() {}

  public static RunDoctorUseCase of(Set<DependencyCheck> checks, Duration cap) {
    return new RunDoctorService(checks, cap);
  }
}
