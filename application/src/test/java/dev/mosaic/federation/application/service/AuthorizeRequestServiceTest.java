package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.InMemoryRateLimiter;
import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.in.Authorization;
import dev.mosaic.federation.application.port.in.AuthorizeRequestCommand;
import dev.mosaic.federation.application.port.in.CertificateIdentity;
import dev.mosaic.federation.application.port.in.IdentityCheck;
import dev.mosaic.federation.application.port.in.Refusal;
import dev.mosaic.federation.application.port.in.RequestRateLimited;
import dev.mosaic.federation.application.port.in.RequestRefused;
import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.GrantFixtures;
import dev.mosaic.federation.domain.fixtures.ScopeFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantTransition;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.PinnedCertificate;
import dev.mosaic.federation.domain.scope.RateLimit;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.Team;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthorizeRequestServiceTest {
  private final InMemoryStores stores = new InMemoryStores();
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0.plusSeconds(60));
  private final AuthorizeRequestService service =
      new AuthorizeRequestService(
          stores.grants(),
          stores.users(),
          new InMemoryRateLimiter(clock),
          clock,
          new ServingDefaults(new RateLimit(60, 2)));

  private final User subject = User.of(new UserId(UUID.randomUUID()), "alice");
  private final TeamId red = new TeamId(UUID.randomUUID());
  private final TeamId blue = new TeamId(UUID.randomUUID());
  private final PinnedCertificate pin = CertificateFixtures.aPin();

  AuthorizeRequestServiceTest() {
    stores.users().addUser(subject);
    stores.users().addTeam(new Team(red, "red"));
    stores.users().addTeam(new Team(blue, "blue"));
    stores.users().addMember(red, subject.id());
  }

  private Grant store(GrantFixtures.Builder builder) {
    Grant grant = builder.forSubject(subject.id()).pinned(pin).build();
    stores.grants().insert(grant);
    return grant;
  }

  private static CertificateIdentity identity(Grant grant, CertificateFingerprint fingerprint) {
    return new CertificateIdentity(
        Optional.of(grant.id().toString()),
        Optional.of(grant.subjectUserId().toString()),
        fingerprint);
  }

  private CertificateIdentity identity(Grant grant) {
    return identity(grant, pin.fingerprint());
  }

  private static RequestRefused refused(Object outcome) {
    assertThat(outcome).isInstanceOf(RequestRefused.class);
    return (RequestRefused) outcome;
  }

  private Authorization authorize(Grant grant, String resource, OptionalInt limit) {
    return service.authorize(new AuthorizeRequestCommand(identity(grant), resource, limit));
  }

  @Test
  void identify_activeGrantPinnedCertificate_isIdentifiedWithNativeAccess() {
    Grant grant = store(GrantFixtures.anActiveGrant());

    assertThat(service.identify(identity(grant)))
        .isInstanceOfSatisfying(
            IdentityCheck.Identified.class,
            id -> {
              assertThat(id.grant()).isEqualTo(grant);
              assertThat(id.subject().teams()).containsExactly(red);
            });
  }

  @Test
  void identify_missingOrMalformedExtensions_isUnauthorized() {
    Grant grant = store(GrantFixtures.anActiveGrant());
    String subjectId = subject.id().toString();
    for (CertificateIdentity bad :
        new CertificateIdentity[] {
          new CertificateIdentity(Optional.empty(), Optional.of(subjectId), pin.fingerprint()),
          new CertificateIdentity(
              Optional.of(grant.id().toString()), Optional.empty(), pin.fingerprint()),
          new CertificateIdentity(
              Optional.of("not-a-uuid"), Optional.of(subjectId), pin.fingerprint()),
          new CertificateIdentity(
              Optional.of("1-1-1-1-1"), Optional.of(subjectId), pin.fingerprint())
        }) {
      RequestRefused refusal = refused(service.identify(bad));
      assertThat(refusal.refusal()).isEqualTo(Refusal.UNAUTHORIZED);
      assertThat(refusal.grant()).isEmpty();
    }
  }

  @Test
  void identify_unknownGrant_isForbiddenWithTheGenericMessage() {
    Grant neverStored = GrantFixtures.anActiveGrant().forSubject(subject.id()).pinned(pin).build();

    RequestRefused refusal = refused(service.identify(identity(neverStored)));

    assertThat(refusal.refusal()).isEqualTo(Refusal.FORBIDDEN);
    assertThat(refusal.message()).isEqualTo(AuthorizeRequestService.FORBIDDEN_MESSAGE);
    assertThat(refusal.grant()).isEmpty();
  }

  @Test
  void identify_subjectExtensionOfAnotherUser_isForbidden() {
    Grant grant = store(GrantFixtures.anActiveGrant());
    CertificateIdentity otherSubject =
        new CertificateIdentity(
            Optional.of(grant.id().toString()),
            Optional.of(UUID.randomUUID().toString()),
            pin.fingerprint());

    RequestRefused refusal = refused(service.identify(otherSubject));

    assertThat(refusal.refusal()).isEqualTo(Refusal.FORBIDDEN);
    assertThat(refusal.message()).isEqualTo(AuthorizeRequestService.FORBIDDEN_MESSAGE);
  }

  @Test
  void identify_certificateNotPinned_isForbidden() {
    Grant grant = store(GrantFixtures.anActiveGrant());

    assertThat(
            refused(service.identify(identity(grant, CertificateFixtures.aFingerprint())))
                .refusal())
        .isEqualTo(Refusal.FORBIDDEN);
  }

  @Test
  void identify_previousCertificate_isAcceptedOnlyUntilItExpires() {
    PinnedCertificate old = CertificateFixtures.aPinExpiring(clock.instant().plusSeconds(30));
    Grant grant = GrantFixtures.anActiveGrant().forSubject(subject.id()).pinned(pin, old).build();
    stores.grants().insert(grant);

    assertThat(service.identify(identity(grant, old.fingerprint())))
        .isInstanceOf(IdentityCheck.Identified.class);
    clock.advance(Duration.ofSeconds(30));
    assertThat(refused(service.identify(identity(grant, old.fingerprint()))).refusal())
        .isEqualTo(Refusal.FORBIDDEN);
  }

  @Test
  void identify_revokedGrant_isGrantRevoked() {
    Grant grant = store(GrantFixtures.aRevokedGrant());

    RequestRefused refusal = refused(service.identify(identity(grant)));

    assertThat(refusal.refusal()).isEqualTo(Refusal.GRANT_REVOKED);
    assertThat(refusal.refusal().statusCode()).isEqualTo(403);
    assertThat(refusal.refusal().errorCode()).isEqualTo("grant_revoked");
    assertThat(refusal.grant()).contains(grant);
  }

  @Test
  void identify_pendingGrant_isForbidden() {
    Grant grant = store(GrantFixtures.aPendingGrant());

    assertThat(refused(service.identify(identity(grant))).refusal()).isEqualTo(Refusal.FORBIDDEN);
  }

  @Test
  void identify_grantPastExpiry_isForbidden() {
    Grant grant = store(GrantFixtures.anActiveGrant().expiresIn(Duration.ofMinutes(2)));
    assertThat(service.identify(identity(grant))).isInstanceOf(IdentityCheck.Identified.class);

    clock.advance(Duration.ofMinutes(1));

    assertThat(refused(service.identify(identity(grant))).refusal()).isEqualTo(Refusal.FORBIDDEN);
  }

  @Test
  void identify_subjectDeleted_isForbidden() {
    Grant grant = store(GrantFixtures.anActiveGrant());
    stores.users().markUserDeleted(subject.id(), clock.instant());

    assertThat(refused(service.identify(identity(grant))).refusal()).isEqualTo(Refusal.FORBIDDEN);
  }

  @Test
  void identify_burstExhausted_isRateLimitedWithRetryAfter() {
    Grant grant = store(GrantFixtures.anActiveGrant());
    service.identify(identity(grant));
    service.identify(identity(grant));

    assertThat(service.identify(identity(grant)))
        .isInstanceOfSatisfying(
            RequestRateLimited.class,
            limited -> {
              assertThat(limited.retryAfter()).isPositive();
              assertThat(limited.retryAfterSeconds()).isEqualTo(1);
            });
  }

  @Test
  void identify_scopeRateLimit_overridesTheDefault() {
    Grant grant =
        store(
            GrantFixtures.anActiveGrant()
                .withScope(ScopeFixtures.aScope().rateLimit(60, 5).build()));

    for (int i = 0; i < 5; i++) {
      assertThat(service.identify(identity(grant))).isInstanceOf(IdentityCheck.Identified.class);
    }
    assertThat(service.identify(identity(grant))).isInstanceOf(RequestRateLimited.class);
  }

  @Test
  void authorize_grantedResource_intersectsFilterAndClampsLimit() {
    Grant grant =
        store(
            GrantFixtures.anActiveGrant()
                .withScope(
                    ScopeFixtures.aScope()
                        .filter(Resource.TASKS, true, Set.of(red, blue))
                        .maxRows(20)
                        .build()));

    assertThat(authorize(grant, "tasks", OptionalInt.of(500)))
        .isEqualTo(
            new Authorization.Authorized(
                grant,
                stores.users().find(subject.id()).orElseThrow(),
                Resource.TASKS,
                new EffectiveFilter(subject.id(), true, Set.of(red)),
                20));
  }

  @Test
  void authorize_unknownResource_isInvalidRequest() {
    Grant grant = store(GrantFixtures.anActiveGrant());

    RequestRefused refusal = refused(authorize(grant, "todos", OptionalInt.empty()));

    assertThat(refusal.refusal()).isEqualTo(Refusal.INVALID_REQUEST);
    assertThat(refusal.refusal().statusCode()).isEqualTo(400);
    assertThat(refusal.message()).contains("'todos'");
  }

  @Test
  void authorize_limitBelowOne_isInvalidRequest() {
    Grant grant = store(GrantFixtures.anActiveGrant());

    assertThat(refused(authorize(grant, "tasks", OptionalInt.of(0))).refusal())
        .isEqualTo(Refusal.INVALID_REQUEST);
  }

  @Test
  void authorize_excludedNotGrantedOrSensitive_isScopeViolation() {
    Grant grant =
        store(
            GrantFixtures.anActiveGrant()
                .withScope(
                    ScopeFixtures.aScope()
                        .resources(Resource.TASKS, Resource.API_KEYS)
                        .excluding(Resource.CREDENTIALS)
                        .rateLimit(60, 10)
                        .build()));

    for (String resource : new String[] {"credentials", "notes", "api_keys"}) {
      RequestRefused refusal = refused(authorize(grant, resource, OptionalInt.empty()));
      assertThat(refusal.refusal()).as(resource).isEqualTo(Refusal.SCOPE_VIOLATION);
      assertThat(refusal.refusal().statusCode()).isEqualTo(403);
      assertThat(refusal.grant()).contains(grant);
    }
  }

  @Test
  void authorize_identityRefused_neverReachesScope() {
    Grant grant = store(GrantFixtures.aRevokedGrant());

    assertThat(refused(authorize(grant, "todos", OptionalInt.of(0))).refusal())
        .isEqualTo(Refusal.GRANT_REVOKED);
  }

  @Test
  void authorize_afterScopeReplaced_usesTheNewScope() {
    Grant grant = store(GrantFixtures.anActiveGrant());
    assertThat(authorize(grant, "notes", OptionalInt.empty()))
        .isInstanceOf(Authorization.Authorized.class);
    Grant narrowed =
        ((GrantTransition.Applied)
                grant.replaceScope(
                    ScopeFixtures.aScope().resources(Resource.TASKS).build(), clock.instant()))
            .grant();
    stores.grants().update(narrowed);

    assertThat(refused(authorize(grant, "notes", OptionalInt.empty())).refusal())
        .isEqualTo(Refusal.SCOPE_VIOLATION);
  }

  @Test
  void authorize_rateLimited_isReportedBeforeScope() {
    Grant grant = store(GrantFixtures.anActiveGrant());
    authorize(grant, "tasks", OptionalInt.empty());
    authorize(grant, "tasks", OptionalInt.empty());

    assertThat(authorize(grant, "todos", OptionalInt.empty()))
        .isInstanceOf(RequestRateLimited.class);
  }
}
