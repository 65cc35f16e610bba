package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.LinkHealthRepository;
import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requesting side's backoff (SPEC §8, AC-6): a {@link PeerTransport} in front of the real one.
 * Once a link's peer answered 429, calls for that link are not sent until the wait it asked for
 * ({@code error.retryAfterMs}, else {@code Retry-After}) has passed on the clock; meanwhile each
 * call gets a local 429 in the peer's own shape, carrying the remaining wait, so callers treat it
 * as {@code rate_limited}. Anonymous calls (enrollment) are never held back.
 */
public class BackoffPeerTransport implements PeerTransport {
  private final PeerTransport network;
  private final LinkHealthRepository health;
  private final InstantSource clock;
  private final Map<LinkId, Instant> waitUntil = new ConcurrentHashMap<>();

  public BackoffPeerTransport(
      PeerTransport network, LinkHealthRepository health, InstantSource clock) {
    this.network = network;
    this.health = health;
    this.clock = clock;
  }

  @Override
  public PeerReply send(Link link, PeerRequest request) {
    Instant until = waitUntil.get(link.id());
    if (until != null) {
      Duration remaining = Duration.between(clock.instant(), until);
      if (remaining.isPositive()) {
        return localRefusal(link, remaining);
      }
      waitUntil.remove(link.id(), until);
    }
    PeerReply reply = network.send(link, request);
    if (reply instanceof PeerReply.Answered answered && answered.statusCode() == 429) {
      retryAfterMs(answered)
          .ifPresent(
              ms -> {
                Instant next = clock.instant().plusMillis(ms);
                waitUntil.put(link.id(), next);
                try {
                  health.recordRateLimitedUntil(link.id(), Optional.of(Times.micros(next)));
                } catch (InfrastructureException e) {
                  // Health is for status only; the backoff holds in memory regardless.
                }
              });
    }
    return reply;
  }

  @Override
  public PeerReply sendAnonymous(
      URI gatewayUrl, CertificateFingerprint caRootPin, PeerRequest request) {
    return network.sendAnonymous(gatewayUrl, caRootPin, request);
  }

  private static PeerReply.Answered localRefusal(Link link, Duration remaining) {
    long ms = Math.max(1, Math.ceilDiv(remaining.toNanos(), 1_000_000L));
    long seconds = Math.max(1, Math.ceilDiv(ms, 1000L));
    return new PeerReply.Answered(
        429,
        Map.of("retry-after", Long.toString(seconds)),
        Map.of(
            "error",
            Map.of(
                "code",
                "rate_limited",
                "message",
                "rate limited by "
                    + link.peerName().value()
                    + "; not sent, waiting locally "
                    + ms
                    + " ms",
                "retryAfterMs",
                ms)));
  }

  /** The wait the peer asked for: {@code error.retryAfterMs}, else {@code Retry-After} seconds. */
  private static OptionalLong retryAfterMs(PeerReply.Answered answered) {
    if (answered.body() instanceof Map<?, ?> body
        && body.get("error") instanceof Map<?, ?> error
        && error.get("retryAfterMs") instanceof Number n
        && n.longValue() > 0) {
      return OptionalLong.of(n.longValue());
    }
    try {
      return answered
          .header("retry-after")
          .map(String::strip)
          .map(Long::parseLong)
          .filter(s -> s > 0)
          .map(s -> OptionalLong.of(s * 1000))
          .orElse(OptionalLong.empty());
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
