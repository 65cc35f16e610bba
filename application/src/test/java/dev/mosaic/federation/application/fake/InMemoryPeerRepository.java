package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.domain.peer.Peer;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.peer.PeerName;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PeerRepository} in a map. */
public final class InMemoryPeerRepository implements PeerRepository, TransactionParticipant {
  private final Map<PeerId, Peer> peers = new LinkedHashMap<>();

  @Override
  public synchronized InsertOutcome insert(Peer peer) {
    if (peers.containsKey(peer.id()) || findByName(peer.name()).isPresent()) {
      return InsertOutcome.DUPLICATE;
    }
    peers.put(peer.id(), peer);
    return InsertOutcome.INSERTED;
  }

  @Override
  public synchronized void update(Peer peer) {
    if (peers.replace(peer.id(), peer) == null) {
      throw new InfrastructureException("no peer " + peer.id(), false);
    }
  }

  @Override
  public synchronized Optional<Peer> findById(PeerId id) {
    return Optional.ofNullable(peers.get(id));
  }

  @Override
  public synchronized Optional<Peer> findByName(PeerName name) {
    return peers.values().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  @Override
  public synchronized List<Peer> findAll() {
    return peers.values().stream().sorted(Comparator.comparing(p -> p.name().value())).toList();
  }

  @Override
  public synchronized Object snapshot() {
    return new LinkedHashMap<>(peers);
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized void restore(Object snapshot) {
    peers.clear();
    peers.putAll((Map<PeerId, Peer>) snapshot);
  }
}
