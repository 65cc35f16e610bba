package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Links of the requesting side. A link belongs to one local user; the pair (local user, peer name)
 * is unique. Queries on behalf of a user go through {@link #findByOwner} / {@link
 * #findByOwnerAndPeerName} only, so a link of user U never appears for user V. A link read back
 * equals the link saved (instants at microsecond precision; the sealed key byte for byte).
 *
 * <p>Every method throws {@link InfrastructureException} when the store fails, and nothing else.
 */
public interface LinkRepository {
  /**
   * Stores a new link.
   *
   * @return {@link InsertOutcome#DUPLICATE} (and changes nothing) when the owner already has a link
   *     of that peer name, or the id exists
   */
  InsertOutcome insert(Link link);

  /**
   * Replaces the stored state of an existing link.
   *
   * @throws InfrastructureException also when no link has that id (non-transient)
   */
  void update(Link link);

  /** Removes the link; false when there was none. */
  boolean delete(LinkId id);

  /** The link by id, whoever owns it (for background jobs such as renewal). */
  Optional<Link> findById(LinkId id);

  /**
   * The link by id, with its row locked until the surrounding {@link Transactor#inTransaction}
   * transaction ends ({@code SELECT … FOR UPDATE}): concurrent callers for the same link — also in
   * other processes — run one after the other. Outside a transaction it behaves like {@link
   * #findById}.
   */
  Optional<Link> findByIdForUpdate(LinkId id);

  /** The links of {@code owner}, ordered by peer name. */
  List<Link> findByOwner(UserId owner);

  /** The link of {@code owner} to the peer named {@code peerName}. */
  Optional<Link> findByOwnerAndPeerName(UserId owner, PeerName peerName);

  /** Every link (for background jobs), ordered by owner then peer name. */
  List<Link> findAll();
}
