package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.port.in.CreateGrantCommand;
import dev.mosaic.federation.application.port.in.CreateGrantResult;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.fixtures.ScopeFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.peer.Peer;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.peer.PeerStatus;
import dev.mosaic.federation.domain.scope.ScopeViolation;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreateGrantServiceTest {
  private final InMemoryStores stores = new InMemoryStores();
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0);
  private final CreateGrantService service =
      new CreateGrantService(
          stores.transactor(),
          stores.users(),
          stores.peers(),
          stores.grants(),
          stores.audit(),
          new SequentialIdGenerator(),
          clock);
  private final User alice = User.of(new UserId(UUID.randomUUID()), "alice");

  CreateGrantServiceTest() {
    stores.users().addUser(alice);
  }

  private CreateGrantCommand command(String subject, String peer, Object scope) {
    return new CreateGrantCommand(subject, peer, scope, Optional.empty());
  }

  private CreateGrantResult.Created created(CreateGrantResult result) {
    assertThat(result).isInstanceOf(CreateGrantResult.Created.class);
    return (CreateGrantResult.Created) result;
  }

  @Test
  void create_validCommand_storesPendingGrantNewPeerAndAuditRow() {
    CreateGrantResult.Created result =
        created(service.create(command("alice", "Home.Example", ScopeFixtures.aScopeDocument())));

    assertThat(result.grant().status()).isEqualTo(GrantStatus.PENDING);
    assertThat(result.grant().subjectUserId()).isEqualTo(alice.id());
    assertThat(result.grant().createdAt()).isEqualTo(Times.T0);
    assertThat(result.peerCreated()).isTrue();
    assertThat(result.peer().name()).isEqualTo(PeerName.parse("home.example"));
    assertThat(result.peer().status()).isEqualTo(PeerStatus.PENDING);
    assertThat(stores.grants().findById(result.grant().id())).contains(result.grant());
    assertThat(stores.peers().findByName(PeerName.parse("home.example"))).contains(result.peer());
    AuditEvent audit = stores.audit().all().getFirst();
    assertThat(audit.event()).isEqualTo("grant_created");
    assertThat(audit.outcome()).isEqualTo(AuditOutcome.ALLOWED);
    assertThat(audit.grantId()).contains(result.grant().id());
    assertThat(audit.peerId()).contains(result.peer().id());
    assertThat(audit.subjectUserId()).contains(alice.id());
  }

  @Test
  void create_knownPeer_reusesIt() {
    Peer existing =
        Peer.create(new PeerId(UUID.randomUUID()), PeerName.parse("home.example"), Times.T0)
            .activate();
    stores.peers().insert(existing);

    CreateGrantResult.Created result =
        created(service.create(command("alice", "home.example", ScopeFixtures.aScopeDocument())));

    assertThat(result.peerCreated()).isFalse();
    assertThat(result.peer()).isEqualTo(existing);
    assertThat(result.grant().peerId()).isEqualTo(existing.id());
  }

  @Test
  void create_subjectByUuid_resolvesTheUser() {
    CreateGrantResult.Created result =
        created(
            service.create(
                command(alice.id().toString(), "home.example", ScopeFixtures.aScopeDocument())));

    assertThat(result.grant().subjectUserId()).isEqualTo(alice.id());
  }

  @Test
  void create_expiresIn_setsExpiry() {
    CreateGrantResult.Created result =
        created(
            service.create(
                new CreateGrantCommand(
                    "alice",
                    "home.example",
                    ScopeFixtures.aScopeDocument(),
                    Optional.of(Duration.ofDays(90)))));

    assertThat(result.grant().expiresAt()).contains(Times.T0.plus(Duration.ofDays(90)));
  }

  @Test
  void create_sensitiveResource_succeedsWithWarning() {
    CreateGrantResult.Created result =
        created(
            service.create(
                command(
                    "alice", "home.example", Map.of("resources", List.of("tasks", "api_keys")))));

    assertThat(result.warnings()).singleElement().asString().contains("api_keys");
  }

  @Test
  void create_invalidScope_returnsEveryViolationAndWritesNothing() {
    CreateGrantResult result =
        service.create(
            command(
                "alice",
                "home.example",
                Map.of("resources", List.of("tasks"), "excluded_resources", List.of("tasks"))));

    assertThat(result)
        .isInstanceOfSatisfying(
            CreateGrantResult.InvalidScope.class,
            r ->
                assertThat(r.violations())
                    .extracting(ScopeViolation::field)
                    .containsExactly("excluded_resources[0]"));
    assertNothingWritten();
  }

  @Test
  void create_unknownSubject_isRejectedAndWritesNothing() {
    assertThat(service.create(command("bob", "home.example", ScopeFixtures.aScopeDocument())))
        .isEqualTo(new CreateGrantResult.UnknownSubject("bob"));
    assertThat(
            service.create(
                command(
                    UUID.randomUUID().toString(), "home.example", ScopeFixtures.aScopeDocument())))
        .isInstanceOf(CreateGrantResult.UnknownSubject.class);
    assertNothingWritten();
  }

  @Test
  void create_deletedSubject_isRejected() {
    stores.users().markUserDeleted(alice.id(), Times.T0);

    assertThat(service.create(command("alice", "home.example", ScopeFixtures.aScopeDocument())))
        .isInstanceOf(CreateGrantResult.UnknownSubject.class);
  }

  @Test
  void create_invalidPeerName_isRejected() {
    assertThat(service.create(command("alice", "home gateway", ScopeFixtures.aScopeDocument())))
        .isInstanceOfSatisfying(
            CreateGrantResult.InvalidPeerName.class,
            r -> assertThat(r.message()).contains("home gateway"));
    assertNothingWritten();
  }

  @Test
  void create_nonPositiveExpiry_isRejected() {
    assertThat(
            service.create(
                new CreateGrantCommand(
                    "alice",
                    "home.example",
                    ScopeFixtures.aScopeDocument(),
                    Optional.of(Duration.ZERO))))
        .isInstanceOf(CreateGrantResult.InvalidExpiry.class);
    assertNothingWritten();
  }

  @Test
  void create_auditUnavailable_throwsAndLeavesNoGrantOrPeer() {
    stores.audit().failWith(new InfrastructureException("audit store down", true));

    assertThatThrownBy(
            () -> service.create(command("alice", "home.example", ScopeFixtures.aScopeDocument())))
        .isInstanceOf(InfrastructureException.class);

    stores.audit().failWith(null);
    assertNothingWritten();
  }

  private void assertNothingWritten() {
    assertThat(stores.grants().findAll()).isEmpty();
    assertThat(stores.peers().findAll()).isEmpty();
    assertThat(stores.audit().all()).isEmpty();
  }
}
