package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.user.UserId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link LinkRepository} in a map. */
public final class InMemoryLinkRepository implements LinkRepository, TransactionParticipant {
  private final Map<LinkId, Link> links = new LinkedHashMap<>();

  @Override
  public synchronized InsertOutcome insert(Link link) {
    if (links.containsKey(link.id())
        || findByOwnerAndPeerName(link.localUserId(), link.peerName()).isPresent()) {
      return InsertOutcome.DUPLICATE;
    }
    links.put(link.id(), link);
    return InsertOutcome.INSERTED;
  }

  @Override
  public synchronized void update(Link link) {
    if (links.replace(link.id(), link) == null) {
      throw new InfrastructureException("no link " + link.id(), false);
    }
  }

  @Override
  public synchronized boolean delete(LinkId id) {
    return links.remove(id) != null;
  }

  @Override
  public synchronized Optional<Link> findById(LinkId id) {
    return Optional.ofNullable(links.get(id));
  }

  @Override
  public Optional<Link> findByIdForUpdate(LinkId id) {
    return findById(id);
  }

  @Override
  public synchronized List<Link> findByOwner(UserId owner) {
    return links.values().stream()
        .filter(l -> l.localUserId().equals(owner))
        .sorted(Comparator.comparing(l -> l.peerName().value()))
        .toList();
  }

  @Override
  public synchronized Optional<Link> findByOwnerAndPeerName(UserId owner, PeerName peerName) {
    return links.values().stream()
        .filter(l -> l.localUserId().equals(owner) && l.peerName().equals(peerName))
        .findFirst();
  }

  @Override
  public synchronized List<Link> findAll() {
    return links.values().stream()
        .sorted(
            Comparator.comparing((Link l) -> l.localUserId().value())
                .thenComparing(l -> l.peerName().value()))
        .toList();
  }

  @Override
  public synchronized Object snapshot() {
    return new LinkedHashMap<>(links);
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized void restore(Object snapshot) {
    links.clear();
    links.putAll((Map<LinkId, Link>) snapshot);
  }
}
