package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.link.LinkHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One link in {@code mosaic federation status} (SPEC §8, AC-10).
 *
 * @param grantStatus the grant's status as this gateway last saw it: {@code revoked} once the peer
 *     said so, else {@code active}
 * @param daysLeft whole days until the certificate expires (negative once expired)
 * @param nextRenewal when the scheduler renews: notAfter − renewBefore (with up to 10 % of
 *     renewBefore jitter earlier), or now when that time has passed; absent for revoked links
 * @param clockSkewWarning the last measured skew exceeds {@link #MAX_SKEW}
 */
public record LinkStatus(
    LinkView link,
    String grantStatus,
    long daysLeft,
    Optional<Instant> nextRenewal,
    LinkHealth health,
    boolean clockSkewWarning) {
  /** Above this clock skew the status warns (SPEC §8). */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  public LinkStatus {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(grantStatus, "grantStatus");
    Objects.requireNonNull(nextRenewal, "nextRenewal");
    Objects.requireNonNull(health, "health");
  }

  /** The status document's entry for this link (JSON for the CLI and the session API). */
  public Map<String, Object> toWire() {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("peer", link.peerName().value());
    wire.put("localUser", link.localUserHandle());
    wire.put("endpoint", link.endpoint().toString());
    wire.put("state", link.state().wireName());
    wire.put("stateReason", link.stateReason().orElse(null));
    wire.put("grantId", link.grantId().value().toString());
    wire.put("grantStatus", grantStatus);
    wire.put("certificateFingerprint", "sha256:" + link.certificateFingerprint().hex());
    wire.put("certificateNotAfter", link.certificateNotAfter().toString());
    wire.put("daysLeft", daysLeft);
    wire.put("nextRenewal", nextRenewal.map(Instant::toString).orElse(null));
    wire.put("lastSuccessAt", health.lastSuccessAt().map(Instant::toString).orElse(null));
    wire.put("lastFailureAt", health.lastFailureAt().map(Instant::toString).orElse(null));
    wire.put("lastFailureReason", health.lastFailureReason().orElse(null));
    wire.put("circuitState", health.circuitState().wireName());
    wire.put("rateLimitedUntil", health.rateLimitedUntil().map(Instant::toString).orElse(null));
    wire.put("clockSkewMs", health.clockSkew().map(Duration::toMillis).orElse(null));
    wire.put("clockSkewWarning", clockSkewWarning);
    return wire;
  }
}
