package dev.mosaic.federation.application.service;

import dev.mosaic.federation.domain.scope.RateLimit;
import java.util.Objects;

/**
 * Configuration the serving side's use cases need.
 *
 * @param defaultRateLimit for grants whose scope names none ({@code
 *     limits.defaultRequestsPerMinute}, {@code limits.defaultBurst})
 */
public record ServingDefaults(RateLimit defaultRateLimit) {
  public ServingDefaults {
    Objects.requireNonNull(defaultRateLimit, "defaultRateLimit");
  }
}
