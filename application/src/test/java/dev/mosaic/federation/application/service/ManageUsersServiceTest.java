package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.InMemoryCertificateAuthority;
import dev.mosaic.federation.application.fake.InMemoryRevocationBroadcaster;
import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.port.in.AddUserCommand;
import dev.mosaic.federation.application.port.in.AddUserResult;
import dev.mosaic.federation.application.port.in.DeleteUserResult;
import dev.mosaic.federation.application.port.out.SessionToken;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.enrollment.TokenHash;
import dev.mosaic.federation.domain.fixtures.GrantFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.peer.Peer;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.user.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManageUsersServiceTest {
  private final InMemoryStores stores = new InMemoryStores();
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0.plusSeconds(7200));
  private final SequentialIdGenerator ids = new SequentialIdGenerator();
  private final RevokeGrantService revoke =
      new RevokeGrantService(
          stores.transactor(),
          stores.grants(),
          stores.revokedCertificates(),
          stores.audit(),
          new InMemoryCertificateAuthority(clock, Duration.ofDays(30)),
          new InMemoryRevocationBroadcaster(),
          ids,
          clock);
  private final ManageUsersService service =
      new ManageUsersService(
          stores.transactor(),
          stores.users(),
          stores.grants(),
          stores.sessionTokens(),
          revoke,
          ids,
          clock);
  private final Peer peer =
      Peer.create(new PeerId(UUID.randomUUID()), PeerName.parse("home.example"), Times.T0);

  ManageUsersServiceTest() {
    stores.peers().insert(peer);
  }

  private User added(String handle) {
    AddUserResult result = service.add(new AddUserCommand(handle, Optional.empty()));
    assertThat(result).isInstanceOf(AddUserResult.Added.class);
    return ((AddUserResult.Added) result).user();
  }

  private Grant grantFor(User subject, GrantFixtures.Builder builder) {
    Grant grant = builder.forPeer(peer.id()).forSubject(subject.id()).build();
    stores.grants().insert(grant);
    return grant;
  }

  private SessionToken sessionTokenFor(User user) {
    SessionToken token =
        new SessionToken(
            TokenHash.of(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)),
            user.id(),
            Times.T0);
    stores.sessionTokens().insert(token);
    return token;
  }

  private GrantStatus statusOf(Grant grant) {
    return stores.grants().findById(grant.id()).orElseThrow().status();
  }

  @Test
  void add_validHandleAndDisplayName_storesTheUser() {
    AddUserResult result = service.add(new AddUserCommand("alice", Optional.of(" Alice A. ")));

    User user = ((AddUserResult.Added) result).user();
    assertThat(user.handle()).isEqualTo("alice");
    assertThat(user.displayName()).contains("Alice A.");
    assertThat(stores.users().findUserByHandle("alice")).contains(user);
  }

  @Test
  void add_invalidHandle_isInvalidAndStoresNothing() {
    for (String handle : new String[] {"Alice", "", "-x", "a b", "x".repeat(65)}) {
      assertThat(service.add(new AddUserCommand(handle, Optional.empty())))
          .isInstanceOf(AddUserResult.Invalid.class);
    }
    assertThat(stores.users().listUsers()).isEmpty();
  }

  @Test
  void add_blankDisplayName_isInvalid() {
    assertThat(service.add(new AddUserCommand("alice", Optional.of("  "))))
        .isInstanceOf(AddUserResult.Invalid.class);
    assertThat(stores.users().listUsers()).isEmpty();
  }

  @Test
  void add_takenHandle_isDuplicate() {
    added("alice");

    assertThat(service.add(new AddUserCommand("alice", Optional.empty())))
        .isEqualTo(new AddUserResult.DuplicateHandle("alice"));
    assertThat(stores.users().listUsers()).hasSize(1);
  }

  @Test
  void list_users_includesDeletedOnesOrderedByHandle() {
    added("carol");
    added("alice");
    service.delete("carol");

    assertThat(service.list()).extracting(User::handle).containsExactly("alice", "carol");
    assertThat(service.list().getLast().isDeleted()).isTrue();
  }

  @Test
  void delete_user_revokesEveryGrantOfThatSubjectAndNoOther() {
    User alice = added("alice");
    User bob = added("bob");
    Grant aliceActive = grantFor(alice, GrantFixtures.anActiveGrant());
    Grant alicePending = grantFor(alice, GrantFixtures.aPendingGrant());
    Grant aliceRevoked = grantFor(alice, GrantFixtures.aRevokedGrant());
    Grant bobActive = grantFor(bob, GrantFixtures.anActiveGrant());

    DeleteUserResult result = service.delete("alice");

    assertThat(result).isInstanceOf(DeleteUserResult.Deleted.class);
    DeleteUserResult.Deleted deleted = (DeleteUserResult.Deleted) result;
    assertThat(deleted.revokedGrants())
        .containsExactlyInAnyOrder(aliceActive.id(), alicePending.id());
    assertThat(statusOf(aliceActive)).isEqualTo(GrantStatus.REVOKED);
    assertThat(statusOf(alicePending)).isEqualTo(GrantStatus.REVOKED);
    assertThat(stores.grants().findById(aliceRevoked.id())).contains(aliceRevoked);
    assertThat(stores.grants().findById(bobActive.id())).contains(bobActive);
    assertThat(stores.revokedCertificates().findAll())
        .allMatch(r -> r.grantId().equals(aliceActive.id()))
        .isNotEmpty();
    assertThat(stores.audit().all())
        .filteredOn(e -> e.event().equals("grant_revoked"))
        .extracting(AuditEvent::reason)
        .containsOnly(Optional.of(ManageUsersService.REVOKE_REASON))
        .hasSize(2);
  }

  @Test
  void delete_user_marksThemDeletedAndDropsOnlyTheirSessionTokens() {
    User alice = added("alice");
    User bob = added("bob");
    SessionToken alicesToken = sessionTokenFor(alice);
    SessionToken bobsToken = sessionTokenFor(bob);

    DeleteUserResult result = service.delete("alice");

    assertThat(((DeleteUserResult.Deleted) result).user().deletedAt())
        .contains(Times.T0.plusSeconds(7200));
    assertThat(stores.users().findUserById(alice.id()).orElseThrow().isDeleted()).isTrue();
    assertThat(stores.users().findUserById(bob.id()).orElseThrow().isDeleted()).isFalse();
    assertThat(stores.sessionTokens().findByHash(alicesToken.hash())).isEmpty();
    assertThat(stores.sessionTokens().findByHash(bobsToken.hash())).contains(bobsToken);
  }

  @Test
  void delete_unknownUser_isNotFound() {
    assertThat(service.delete("nobody")).isEqualTo(new DeleteUserResult.NotFound("nobody"));
  }

  @Test
  void delete_twice_isAlreadyDeleted() {
    added("alice");
    service.delete("alice");

    assertThat(service.delete("alice")).isInstanceOf(DeleteUserResult.AlreadyDeleted.class);
  }
}
