package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Grants of the serving side, stored with their scope (as {@link
 * dev.mosaic.federation.domain.scope.Scope#toJsonTree()}) and pinned certificates. A grant read
 * back equals the grant saved (instants at microsecond precision).
 *
 * <p>Every method throws {@link InfrastructureException} when the store fails, and nothing else.
 */
public interface GrantRepository {
  /**
   * Stores a new grant.
   *
   * @throws InfrastructureException also when a grant with the same id exists (non-transient)
   */
  void insert(Grant grant);

  /**
   * Replaces the stored state of an existing grant.
   *
   * @throws InfrastructureException also when no grant has that id (non-transient)
   */
  void update(Grant grant);

  /** The grant, read without locking. */
  Optional<Grant> findById(GrantId id);

  /**
   * The grant, with its row locked until the surrounding {@link Transactor#inTransaction}
   * transaction ends ({@code SELECT … FOR UPDATE}). Concurrent callers for the same grant — also on
   * other replicas — run one after the other. Outside a transaction it behaves like {@link
   * #findById}.
   */
  Optional<Grant> findByIdForUpdate(GrantId id);

  /** Every grant whose subject is {@code subject}, oldest first. */
  List<Grant> findBySubject(UserId subject);

  /** Every grant of {@code peer}, oldest first. */
  List<Grant> findByPeer(PeerId peer);

  /** Every grant, oldest first (for listings). */
  List<Grant> findAll();
}
