package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.peer.Peer;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.peer.PeerName;
import java.util.List;
import java.util.Optional;

/**
 * Requesting gateways known to the serving side; names are unique.
 *
 * <p>Every method throws {@link InfrastructureException} when the store fails, and nothing else.
 */
public interface PeerRepository {
  /**
   * Stores a new peer.
   *
   * @return {@link InsertOutcome#DUPLICATE} (and changes nothing) when a peer with that name or id
   *     exists
   */
  InsertOutcome insert(Peer peer);

  /**
   * Replaces the stored state of an existing peer.
   *
   * @throws InfrastructureException also when no peer has that id (non-transient)
   */
  void update(Peer peer);

  Optional<Peer> findById(PeerId id);

  Optional<Peer> findByName(PeerName name);

  /** Every peer, ordered by name. */
  List<Peer> findAll();
}
