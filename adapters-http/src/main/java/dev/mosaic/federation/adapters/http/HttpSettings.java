package dev.mosaic.federation.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What the HTTP adapter reads from the configuration (SPEC §11).
 *
 * @param listenHost {@code federation.listen}'s host (an address or a name to bind)
 * @param listenPort {@code federation.listen}'s port; 0 binds an ephemeral port ({@link
 *     FederationServer#port()} tells which)
 * @param enrollmentPerMinute {@code limits.enrollmentPerMinute}: requests a minute per client
 *     address to the unauthenticated endpoints (also the burst)
 * @param connectTimeout {@code client.connectTimeout} of calls to peers
 * @param requestTimeout {@code client.requestTimeout}: how long a connected call to a peer may wait
 *     for its answer
 */
public record HttpSettings(
    String listenHost,
    int listenPort,
    int enrollmentPerMinute,
    Duration connectTimeout,
    Duration requestTimeout) {
  public HttpSettings {
    Objects.requireNonNull(listenHost, "listenHost");
    if (listenPort < 0 || listenPort > 65_535) {
      throw new IllegalArgumentException("federation.listen port must be 0..65535");
    }
    if (enrollmentPerMinute < 1) {
      throw new IllegalArgumentException("limits.enrollmentPerMinute must be > 0");
    }
    requirePositive(connectTimeout, "client.connectTimeout");
    requirePositive(requestTimeout, "client.requestTimeout");
  }

  private static void requirePositive(Duration value, String key) {
    Objects.requireNonNull(value, key);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be > 0");
    }
  }
}
