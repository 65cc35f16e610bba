package dev.mosaic.federation.domain.link;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the requesting side last observed about a link (SPEC §8 status). */
public record LinkHealth(
    LinkId link,
    Optional<Instant> lastSuccessAt,
    Optional<Instant> lastFailureAt,
    Optional<String> lastFailureReason,
    Optional<Duration> clockSkew,
    CircuitState circuitState,
    Optional<Instant> rateLimitedUntil) {
  public LinkHealth {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(lastSuccessAt, "lastSuccessAt");
    Objects.requireNonNull(lastFailureAt, "lastFailureAt");
    Objects.requireNonNull(lastFailureReason, "lastFailureReason");
    Objects.requireNonNull(clockSkew, "clockSkew");
    Objects.requireNonNull(circuitState, "circuitState");
    Objects.requireNonNull(rateLimitedUntil, "rateLimitedUntil");
  }

  /** Nothing observed yet. */
  public static LinkHealth unknown(LinkId link) {
    return new LinkHealth(
        link,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        CircuitState.CLOSED,
        Optional.empty());
  }
}
