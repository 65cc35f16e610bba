package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.scope.RateLimit;

/**
 * A token bucket per grant (capacity {@code burst}, refilled at {@code requestsPerMinute}), shared
 * by every replica. Buckets start full. Time comes from one clock every replica shares: the shared
 * store's own clock in production (so skew between replicas cannot mint tokens), an injected {@code
 * InstantSource} in fakes and contract tests, so tests drive it.
 *
 * @throws InfrastructureException when the shared store fails and the adapter has no fallback
 */
public interface RateLimiter {
  /** Takes one token from the grant's bucket, or says how long until one is available. */
  RateLimitDecision tryAcquire(GrantId grant, RateLimit limit);
}
