package dev.mosaic.federation.domain.peer;

import java.time.Instant;
import java.util.Objects;

/**
 * A requesting gateway known to the serving side, by name. It may hold several grants (one per
 * subject user). Created {@link PeerStatus#PENDING} with its first grant and activated by the first
 * enrollment.
 */
public record Peer(PeerId id, PeerName name, PeerStatus status, Instant createdAt) {
  public Peer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A new, pending peer. */
  public static Peer create(PeerId id, PeerName name, Instant createdAt) {
    return new Peer(id, name, PeerStatus.PENDING, createdAt);
  }

  /** This peer, active. Activating an active peer changes nothing. */
  public Peer activate() {
    return status == PeerStatus.ACTIVE ? this : new Peer(id, name, PeerStatus.ACTIVE, createdAt);
  }
}
