package dev.mosaic.federation.domain.scope;

/** A token bucket: {@code requestsPerMinute} refill, {@code burst} capacity; both positive. */
public record RateLimit(int requestsPerMinute, int burst) {
  public RateLimit {
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException("requests_per_minute must be positive");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be positive");
    }
  }
}
