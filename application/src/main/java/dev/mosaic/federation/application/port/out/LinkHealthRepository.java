package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.link.CircuitState;
import dev.mosaic.federation.domain.link.LinkHealth;
import dev.mosaic.federation.domain.link.LinkId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Link health as recorded by the running gateway, for {@code mosaic federation status}. Each {@code
 * record…} call updates only its own columns (an upsert), leaving the others as they were.
 *
 * <p>Every method throws {@link InfrastructureException} when the store fails, and nothing else.
 */
public interface LinkHealthRepository {
  /** A request reached the peer and succeeded; {@code clockSkew} = peer time − local time. */
  void recordSuccess(LinkId link, Instant at, Optional<Duration> clockSkew);

  /** A request failed; {@code reason} is short and safe to print. */
  void recordFailure(LinkId link, Instant at, String reason);

  void recordCircuitState(LinkId link, CircuitState state);

  /** The peer asked to wait until {@code until}; empty clears it. */
  void recordRateLimitedUntil(LinkId link, Optional<Instant> until);

  /** What was recorded, or empty when nothing was. Circuit state defaults to closed. */
  Optional<LinkHealth> find(LinkId link);

  /** Forgets the link's health (link removal). */
  void delete(LinkId link);
}
