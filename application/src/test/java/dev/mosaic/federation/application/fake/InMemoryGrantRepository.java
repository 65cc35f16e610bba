package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.user.UserId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** {@link GrantRepository} in a map. Locking is {@link InMemoryTransactor}'s global lock. */
public final class InMemoryGrantRepository implements GrantRepository, TransactionParticipant {
  private final Map<GrantId, Grant> grants = new LinkedHashMap<>();

  @Override
  public synchronized void insert(Grant grant) {
    if (grants.putIfAbsent(grant.id(), grant) != null) {
      throw new InfrastructureException("duplicate grant id " + grant.id(), false);
    }
  }

  @Override
  public synchronized void update(Grant grant) {
    if (grants.replace(grant.id(), grant) == null) {
      throw new InfrastructureException("no grant " + grant.id(), false);
    }
  }

  @Override
  public synchronized Optional<Grant> findById(GrantId id) {
    return Optional.ofNullable(grants.get(id));
  }

  @Override
  public Optional<Grant> findByIdForUpdate(GrantId id) {
    return findById(id);
  }

  @Override
  public List<Grant> findBySubject(UserId subject) {
    return select(g -> g.subjectUserId().equals(subject));
  }

  @Override
  public List<Grant> findByPeer(PeerId peer) {
    return select(g -> g.peerId().equals(peer));
  }

  @Override
  public List<Grant> findAll() {
    return select(g -> true);
  }

  private synchronized List<Grant> select(Predicate<Grant> predicate) {
    return grants.values().stream()
        .filter(predicate)
        .sorted(Comparator.comparing(Grant::createdAt))
        .toList();
  }

  @Override
  public synchronized Object snapshot() {
    return new LinkedHashMap<>(grants);
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized void restore(Object snapshot) {
    grants.clear();
    grants.putAll((Map<GrantId, Grant>) snapshot);
  }
}
