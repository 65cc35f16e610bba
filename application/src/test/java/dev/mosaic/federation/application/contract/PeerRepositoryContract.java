package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.peer.Peer;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.peer.PeerStatus;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PeerRepository}: unique names, read back equal. */
public abstract class PeerRepositoryContract {
  protected PeerRepository peers;

  protected abstract PeerRepository createPeerRepository();

  @BeforeEach
  void setUpPeerRepositoryContract() {
    peers = createPeerRepository();
  }

  private static Peer aPeer() {
    return Peer.create(
        new PeerId(UUID.randomUUID()), PeerName.parse("gw-" + UUID.randomUUID()), Times.T0);
  }

  @Test
  void insert_newPeer_isFoundByIdAndName() {
    Peer peer = aPeer();

    assertThat(peers.insert(peer)).isEqualTo(InsertOutcome.INSERTED);

    assertThat(peers.findById(peer.id())).contains(peer);
    assertThat(peers.findByName(peer.name())).contains(peer);
  }

  @Test
  void insert_sameName_isDuplicateAndChangesNothing() {
    Peer peer = aPeer();
    peers.insert(peer);
    Peer sameName =
        new Peer(new PeerId(UUID.randomUUID()), peer.name(), PeerStatus.ACTIVE, Times.T0);

    assertThat(peers.insert(sameName)).isEqualTo(InsertOutcome.DUPLICATE);

    assertThat(peers.findByName(peer.name())).contains(peer);
    assertThat(peers.findById(sameName.id())).isEmpty();
  }

  @Test
  void update_activation_isReadBack() {
    Peer peer = aPeer();
    peers.insert(peer);

    peers.update(peer.activate());

    assertThat(peers.findById(peer.id()).orElseThrow().status()).isEqualTo(PeerStatus.ACTIVE);
  }

  @Test
  void update_unknownPeer_throwsInfrastructureException() {
    assertThatThrownBy(() -> peers.update(aPeer())).isInstanceOf(InfrastructureException.class);
  }

  @Test
  void find_unknown_isEmpty() {
    assertThat(peers.findById(new PeerId(UUID.randomUUID()))).isEmpty();
    assertThat(peers.findByName(PeerName.parse("unknown-" + UUID.randomUUID()))).isEmpty();
  }

  @Test
  void findAll_containsInsertedPeers() {
    Peer a = aPeer();
    Peer b = aPeer();
    peers.insert(a);
    peers.insert(b);

    assertThat(peers.findAll()).contains(a, b);
  }
}
