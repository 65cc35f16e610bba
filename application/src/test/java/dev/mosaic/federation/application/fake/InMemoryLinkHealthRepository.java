package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.LinkHealthRepository;
import dev.mosaic.federation.domain.link.CircuitState;
import dev.mosaic.federation.domain.link.LinkHealth;
import dev.mosaic.federation.domain.link.LinkId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@link LinkHealthRepository} in a map. */
public final class InMemoryLinkHealthRepository implements LinkHealthRepository {
  private final Map<LinkId, LinkHealth> health = new HashMap<>();

  @Override
  public void recordSuccess(LinkId link, Instant at, Optional<Duration> clockSkew) {
    change(
        link,
        h ->
            new LinkHealth(
                link,
                Optional.of(at),
                h.lastFailureAt(),
                h.lastFailureReason(),
                clockSkew.isPresent() ? clockSkew : h.clockSkew(),
                h.circuitState(),
                h.rateLimitedUntil()));
  }

  @Override
  public void recordFailure(LinkId link, Instant at, String reason) {
    change(
        link,
        h ->
            new LinkHealth(
                link,
                h.lastSuccessAt(),
                Optional.of(at),
                Optional.of(reason),
                h.clockSkew(),
                h.circuitState(),
                h.rateLimitedUntil()));
  }

  @Override
  public void recordCircuitState(LinkId link, CircuitState state) {
    change(
        link,
        h ->
            new LinkHealth(
                link,
                h.lastSuccessAt(),
                h.lastFailureAt(),
                h.lastFailureReason(),
                h.clockSkew(),
                state,
                h.rateLimitedUntil()));
  }

  @Override
  public void recordRateLimitedUntil(LinkId link, Optional<Instant> until) {
    change(
        link,
        h ->
            new LinkHealth(
                link,
                h.lastSuccessAt(),
                h.lastFailureAt(),
                h.lastFailureReason(),
                h.clockSkew(),
                h.circuitState(),
                until));
  }

  @Override
  public synchronized Optional<LinkHealth> find(LinkId link) {
    return Optional.ofNullable(health.get(link));
  }

  @Override
  public synchronized void delete(LinkId link) {
    health.remove(link);
  }

  private synchronized void change(LinkId link, UnaryOperator<LinkHealth> update) {
    health.put(link, update.apply(health.getOrDefault(link, LinkHealth.unknown(link))));
  }
}
