package dev.mosaic.federation.adapters.cache;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether this replica is rate limiting with its in-process buckets because Valkey is unreachable
 * (SPEC §7), for the {@code valkey} doctor check and the {@code mosaic.ratelimit.fallback} metric.
 * Written only by the rate limiter of this package.
 */
@Singleton
public final class RateLimitFallback {
  private final AtomicReference<Instant> since = new AtomicReference<>();
  private final AtomicLong decisions = new AtomicLong();

  @Inject
  public RateLimitFallback() {}

  /** When the current fallback began; empty while the shared buckets in Valkey are used. */
  public Optional<Instant> since() {
    return Optional.ofNullable(since.get());
  }

  /** How many requests were decided by an in-process bucket since start. */
  public long decisions() {
    return decisions.get();
  }

  void decidedLocally(Instant now) {
    since.compareAndSet(null, now);
    decisions.incrementAndGet();
  }

  void sharedAgain() {
    since.set(null);
  }
}
