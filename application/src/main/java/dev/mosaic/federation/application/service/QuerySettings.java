package dev.mosaic.federation.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the requesting side's queries.
 *
 * @param requestTimeout {@code client.requestTimeout} (default 5 s): how long a query waits for one
 *     peer; a peer that does not answer in time is {@code offline}
 * @param cacheTtl {@code cache.ttl} (default 30 s); zero disables the response cache
 */
public record QuerySettings(Duration requestTimeout, Duration cacheTtl) {
  public QuerySettings {
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(cacheTtl, "cacheTtl");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("client.requestTimeout must be positive");
    }
    if (cacheTtl.isNegative()) {
      throw new IllegalArgumentException("cache.ttl must not be negative");
    }
  }

  /** The defaults of SPEC §11: 5 s request timeout, 30 s cache TTL. */
  public static QuerySettings defaults() {
    return new QuerySettings(Duration.ofSeconds(5), Duration.ofSeconds(30));
  }
}
