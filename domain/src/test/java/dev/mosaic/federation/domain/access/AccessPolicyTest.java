package dev.mosaic.federation.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.domain.fixtures.ScopeFixtures;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.scope.Scope;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
  private final UserId subject = new UserId(UUID.randomUUID());
  private final TeamId red = new TeamId(UUID.randomUUID());
  private final TeamId blue = new TeamId(UUID.randomUUID());
  private final TeamId green = new TeamId(UUID.randomUUID());
  private final NativeAccess access = new NativeAccess(subject, Set.of(red, blue));
  private final Scope scope = ScopeFixtures.aScope().maxRows(50).build();

  private AccessDecision decide(String resource, Scope s, OptionalInt limit) {
    return AccessPolicy.decide(resource, s, access, limit);
  }

  @Test
  void decide_unknownResource_isDeniedAsUnknown() {
    assertThat(decide("todos", scope, OptionalInt.empty()))
        .isEqualTo(new AccessDecision.Denied(DenialReason.UNKNOWN_RESOURCE));
  }

  @Test
  void decide_excludedResource_isDeniedAsExcluded() {
    assertThat(decide("credentials", scope, OptionalInt.empty()))
        .isEqualTo(new AccessDecision.Denied(DenialReason.EXCLUDED));
  }

  @Test
  void decide_resourceNotListed_isDeniedAsNotGranted() {
    Scope tasksOnly = ScopeFixtures.aScope().resources(Resource.TASKS).excluding().build();
    assertThat(decide("notes", tasksOnly, OptionalInt.empty()))
        .isEqualTo(new AccessDecision.Denied(DenialReason.NOT_GRANTED));
    assertThat(decide("api_keys", tasksOnly, OptionalInt.empty()))
        .isEqualTo(new AccessDecision.Denied(DenialReason.NOT_GRANTED));
  }

  @Test
  void decide_sensitiveResourceGranted_isStillDenied() {
    Scope grantsCredentials =
        ScopeFixtures.aScope().resources(Resource.TASKS, Resource.CREDENTIALS).build();
    assertThat(decide("credentials", grantsCredentials, OptionalInt.empty()))
        .isEqualTo(new AccessDecision.Denied(DenialReason.SENSITIVE));
  }

  @Test
  void decide_limitBelowOne_isDeniedAsInvalid() {
    assertThat(decide("tasks", scope, OptionalInt.of(0)))
        .isEqualTo(new AccessDecision.Denied(DenialReason.INVALID_LIMIT));
    assertThat(DenialReason.INVALID_LIMIT.isInvalidRequest()).isTrue();
    assertThat(DenialReason.EXCLUDED.isInvalidRequest()).isFalse();
  }

  @Test
  void decide_noLimit_usesTheCap() {
    assertThat(decide("tasks", scope, OptionalInt.empty()))
        .isInstanceOfSatisfying(
            AccessDecision.Allowed.class, a -> assertThat(a.limit()).isEqualTo(50));
  }

  @Test
  void decide_limitAboveCap_isClamped() {
    assertThat(decide("tasks", scope, OptionalInt.of(1_000_000)))
        .isInstanceOfSatisfying(
            AccessDecision.Allowed.class, a -> assertThat(a.limit()).isEqualTo(50));
    assertThat(decide("tasks", scope, OptionalInt.of(7)))
        .isInstanceOfSatisfying(
            AccessDecision.Allowed.class, a -> assertThat(a.limit()).isEqualTo(7));
  }

  @Test
  void decide_defaultFilter_isTheNativeAccess() {
    assertThat(decide("notes", scope, OptionalInt.empty()))
        .isEqualTo(
            new AccessDecision.Allowed(
                Resource.NOTES, new EffectiveFilter(subject, true, Set.of(red, blue)), 50));
  }

  @Test
  void decide_scopeTeams_areIntersectedWithMemberships() {
    Scope filtered =
        ScopeFixtures.aScope().filter(Resource.TASKS, false, Set.of(blue, green)).build();

    assertThat(decide("tasks", filtered, OptionalInt.empty()))
        .isInstanceOfSatisfying(
            AccessDecision.Allowed.class,
            a ->
                assertThat(a.filter())
                    .isEqualTo(new EffectiveFilter(subject, false, Set.of(blue))));
  }

  @Test
  void effectiveFilter_admits_personalRowsOfOwnerOnly() {
    EffectiveFilter filter = new EffectiveFilter(subject, true, Set.of(red));
    assertThat(filter.admits(subject, Optional.empty())).isTrue();
    assertThat(filter.admits(new UserId(UUID.randomUUID()), Optional.empty())).isFalse();
    assertThat(filter.admits(new UserId(UUID.randomUUID()), Optional.of(red))).isTrue();
    assertThat(filter.admits(subject, Optional.of(blue))).isFalse();
    assertThat(new EffectiveFilter(subject, false, Set.of()).admits(subject, Optional.empty()))
        .isFalse();
  }
}
