package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.fixtures.GrantFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.peer.Peer;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.util.UUID;

/**
 * Seeds reference data through the ports themselves, so that contracts also hold against stores
 * with foreign keys (a grant needs its peer and subject user). Every name and id is fresh, so
 * contracts can share a database.
 */
public final class ServingSeeds {
  private final UserDirectory users;
  private final PeerRepository peers;
  private final GrantRepository grants;

  public ServingSeeds(UserDirectory users, PeerRepository peers, GrantRepository grants) {
    this.users = users;
    this.peers = peers;
    this.grants = grants;
  }

  /** A fresh user, stored. */
  public UserId user() {
    return storedUser().id();
  }

  public User storedUser() {
    User user = User.of(new UserId(UUID.randomUUID()), "u-" + UUID.randomUUID());
    assertThat(users.addUser(user)).isEqualTo(InsertOutcome.INSERTED);
    return user;
  }

  /** A fresh pending peer, stored. */
  public PeerId peer() {
    return storedPeer().id();
  }

  public Peer storedPeer() {
    Peer peer =
        Peer.create(
            new PeerId(UUID.randomUUID()), PeerName.parse("p-" + UUID.randomUUID()), Times.T0);
    assertThat(peers.insert(peer)).isEqualTo(InsertOutcome.INSERTED);
    return peer;
  }

  /** A pending grant builder whose peer and subject exist. */
  public GrantFixtures.Builder aPendingGrant() {
    return GrantFixtures.aPendingGrant().forPeer(peer()).forSubject(user());
  }

  /** An active grant builder whose peer and subject exist. */
  public GrantFixtures.Builder anActiveGrant() {
    return GrantFixtures.anActiveGrant().forPeer(peer()).forSubject(user());
  }

  /** An active grant, stored. */
  public Grant storedActiveGrant() {
    Grant grant = anActiveGrant().build();
    grants.insert(grant);
    return grant;
  }
}
