package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.port.in.ChangeGrantScopeCommand;
import dev.mosaic.federation.application.port.in.ChangeGrantScopeResult;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.fixtures.GrantFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.scope.ScopeViolation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangeGrantScopeServiceTest {
  private final InMemoryStores stores = new InMemoryStores();
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0.plusSeconds(3600));
  private final ChangeGrantScopeService service =
      new ChangeGrantScopeService(
          stores.transactor(), stores.grants(), stores.audit(), new SequentialIdGenerator(), clock);

  private static final Map<String, Object> NOTES_ONLY = Map.of("resources", List.of("notes"));

  private Grant stored(GrantFixtures.Builder grant) {
    Grant built = grant.build();
    stores.grants().insert(built);
    return built;
  }

  private Grant reread(Grant grant) {
    return stores.grants().findById(grant.id()).orElseThrow();
  }

  @Test
  void changeScope_activeGrant_replacesTheScopeAndAuditsScopeChanged() {
    Grant grant = stored(GrantFixtures.anActiveGrant());

    ChangeGrantScopeResult result =
        service.changeScope(new ChangeGrantScopeCommand(grant.id(), NOTES_ONLY));

    assertThat(result).isInstanceOf(ChangeGrantScopeResult.Changed.class);
    assertThat(reread(grant).scope().resources()).containsExactly(Resource.NOTES);
    assertThat(reread(grant).status()).isEqualTo(GrantStatus.ACTIVE);
    assertThat(reread(grant).pinnedCertificates()).isEqualTo(grant.pinnedCertificates());
    AuditEvent row = stores.audit().all().getLast();
    assertThat(row.event()).isEqualTo("scope_changed");
    assertThat(row.grantId()).contains(grant.id());
  }

  @Test
  void changeScope_pendingGrant_isAllowed() {
    Grant grant = stored(GrantFixtures.aPendingGrant());

    assertThat(service.changeScope(new ChangeGrantScopeCommand(grant.id(), NOTES_ONLY)))
        .isInstanceOf(ChangeGrantScopeResult.Changed.class);
  }

  @Test
  void changeScope_sensitiveResource_isChangedWithTheCreateWarning() {
    Grant grant = stored(GrantFixtures.anActiveGrant());

    ChangeGrantScopeResult result =
        service.changeScope(
            new ChangeGrantScopeCommand(
                grant.id(), Map.of("resources", List.of("notes", "credentials"))));

    assertThat(((ChangeGrantScopeResult.Changed) result).warnings()).isNotEmpty();
  }

  @Test
  void changeScope_invalidScope_namesEachFieldAndWritesNothing() {
    Grant grant = stored(GrantFixtures.anActiveGrant());

    ChangeGrantScopeResult result =
        service.changeScope(
            new ChangeGrantScopeCommand(
                grant.id(),
                Map.of(
                    "resources",
                    List.of("tasks", "secrets"),
                    "excluded_resources",
                    List.of("tasks"))));

    assertThat(result).isInstanceOf(ChangeGrantScopeResult.InvalidScope.class);
    assertThat(((ChangeGrantScopeResult.InvalidScope) result).violations())
        .extracting(ScopeViolation::field)
        .isNotEmpty();
    assertThat(reread(grant)).isEqualTo(grant);
    assertThat(stores.audit().all()).isEmpty();
  }

  @Test
  void changeScope_revokedOrExpiredGrant_isNotChangeable() {
    Grant revoked = stored(GrantFixtures.aRevokedGrant());
    Grant expiring = stored(GrantFixtures.anActiveGrant().expiresIn(Duration.ofMinutes(1)));
    clock.advance(Duration.ofHours(2));

    assertThat(service.changeScope(new ChangeGrantScopeCommand(revoked.id(), NOTES_ONLY)))
        .isEqualTo(new ChangeGrantScopeResult.NotChangeable(revoked.id(), GrantStatus.REVOKED));
    assertThat(service.changeScope(new ChangeGrantScopeCommand(expiring.id(), NOTES_ONLY)))
        .isEqualTo(new ChangeGrantScopeResult.NotChangeable(expiring.id(), GrantStatus.EXPIRED));
    assertThat(reread(revoked)).isEqualTo(revoked);
    assertThat(reread(expiring)).isEqualTo(expiring);
    assertThat(stores.audit().all()).isEmpty();
  }

  @Test
  void changeScope_unknownGrant_isNotFound() {
    GrantId unknown = new GrantId(UUID.randomUUID());

    assertThat(service.changeScope(new ChangeGrantScopeCommand(unknown, NOTES_ONLY)))
        .isEqualTo(new ChangeGrantScopeResult.NotFound(unknown));
  }

  @Test
  void changeScope_auditDown_rollsTheScopeBack() {
    Grant grant = stored(GrantFixtures.anActiveGrant());
    stores.audit().failWith(new InfrastructureException("down", true));

    assertThatThrownBy(
            () -> service.changeScope(new ChangeGrantScopeCommand(grant.id(), NOTES_ONLY)))
        .isInstanceOf(InfrastructureException.class);

    assertThat(reread(grant)).isEqualTo(grant);
  }
}
