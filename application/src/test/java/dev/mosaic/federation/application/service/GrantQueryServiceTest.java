package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.in.GrantView;
import dev.mosaic.federation.application.port.in.ShowGrantResult;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.GrantFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.peer.Peer;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.PinnedCertificate;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GrantQueryServiceTest {
  private final InMemoryStores stores = new InMemoryStores();
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0.plusSeconds(10));
  private final GrantQueryService service =
      new GrantQueryService(stores.grants(), stores.peers(), stores.users(), clock);
  private final User alice = User.of(new UserId(UUID.randomUUID()), "alice");
  private final Peer home =
      Peer.create(new PeerId(UUID.randomUUID()), PeerName.parse("home.example"), Times.T0);

  GrantQueryServiceTest() {
    stores.users().addUser(alice);
    stores.peers().insert(home);
  }

  private Grant stored(GrantFixtures.Builder builder) {
    Grant grant = builder.forPeer(home.id()).forSubject(alice.id()).build();
    stores.grants().insert(grant);
    return grant;
  }

  @Test
  void list_grants_carryPeerNameSubjectHandleScopeAndPins() {
    PinnedCertificate pin = CertificateFixtures.aPin();
    Grant active = stored(GrantFixtures.anActiveGrant().pinned(pin));
    Grant pending = stored(GrantFixtures.aPendingGrant().createdAt(Times.T0.plusSeconds(1)));

    assertThat(service.list())
        .containsExactly(
            new GrantView(active, home.name(), Optional.of("alice"), GrantStatus.ACTIVE),
            new GrantView(pending, home.name(), Optional.of("alice"), GrantStatus.PENDING));
    assertThat(service.list().getFirst().grant().pinnedCertificates().all()).containsExactly(pin);
  }

  @Test
  void list_grantPastItsExpiry_showsExpired() {
    stored(GrantFixtures.anActiveGrant().expiresIn(Duration.ofDays(1)));
    clock.advance(Duration.ofDays(2));

    assertThat(service.list().getFirst().effectiveStatus()).isEqualTo(GrantStatus.EXPIRED);
    assertThat(service.list().getFirst().grant().status()).isEqualTo(GrantStatus.ACTIVE);
  }

  @Test
  void show_knownGrant_isFound() {
    Grant grant = stored(GrantFixtures.aRevokedGrant());

    assertThat(service.show(grant.id()))
        .isEqualTo(
            new ShowGrantResult.Found(
                new GrantView(grant, home.name(), Optional.of("alice"), GrantStatus.REVOKED)));
  }

  @Test
  void show_unknownGrant_isNotFound() {
    GrantId unknown = new GrantId(UUID.randomUUID());

    assertThat(service.show(unknown)).isEqualTo(new ShowGrantResult.NotFound(unknown));
  }
}
