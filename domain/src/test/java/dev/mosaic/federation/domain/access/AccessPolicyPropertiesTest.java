package dev.mosaic.federation.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.domain.scope.RateLimit;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.scope.ResourceFilter;
import dev.mosaic.federation.domain.scope.Scope;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The guarantees of SPEC §5.2 steps 4–5, over arbitrary scopes, subjects and requests. */
class AccessPolicyPropertiesTest {
  /** A small universe so that scope teams and subject teams overlap often. */
  private static final List<TeamId> TEAMS =
      List.of(
          new TeamId(UUID.fromString("00000000-0000-0000-0000-000000000001")),
          new TeamId(UUID.fromString("00000000-0000-0000-0000-000000000002")),
          new TeamId(UUID.fromString("00000000-0000-0000-0000-000000000003")),
          new TeamId(UUID.fromString("00000000-0000-0000-0000-000000000004")),
          new TeamId(UUID.fromString("00000000-0000-0000-0000-000000000005")));

  private static final UserId SUBJECT =
      new UserId(UUID.fromString("00000000-0000-0000-0000-0000000000aa"));
  private static final UserId SOMEONE_ELSE =
      new UserId(UUID.fromString("00000000-0000-0000-0000-0000000000bb"));

  @Property
  void decide_allowed_neverWidensNativeAccess(
      @ForAll("resourceNames") String resource,
      @ForAll("scopes") Scope scope,
      @ForAll("subjects") NativeAccess subject,
      @ForAll("limits") OptionalInt limit,
      @ForAll("rows") Row row) {
    if (AccessPolicy.decide(resource, scope, subject, limit)
        instanceof AccessDecision.Allowed allowed) {
      EffectiveFilter filter = allowed.filter();
      assertThat(filter.owner()).isEqualTo(subject.subject());
      assertThat(subject.teams()).containsAll(filter.teams());
      if (filter.admits(row.owner(), row.team())) {
        boolean nativelyVisible =
            row.team().isPresent()
                ? subject.teams().contains(row.team().get())
                : row.owner().equals(subject.subject());
        assertThat(nativelyVisible).as("a row the subject cannot see natively").isTrue();
      }
    }
  }

  @Property
  void decide_allowed_neverWidensTheScopeFilter(
      @ForAll("resourceNames") String resource,
      @ForAll("scopes") Scope scope,
      @ForAll("subjects") NativeAccess subject,
      @ForAll("limits") OptionalInt limit) {
    if (AccessPolicy.decide(resource, scope, subject, limit)
        instanceof AccessDecision.Allowed allowed) {
      ResourceFilter scopeFilter = scope.filterFor(allowed.resource());
      if (!scopeFilter.includePersonal()) {
        assertThat(allowed.filter().includePersonal()).isFalse();
      }
      scopeFilter
          .includeTeams()
          .ifPresent(teams -> assertThat(teams).containsAll(allowed.filter().teams()));
    }
  }

  @Property
  void decide_excludedOrSensitiveOrNotGranted_isNeverAllowed(
      @ForAll("resourceNames") String resource,
      @ForAll("scopes") Scope scope,
      @ForAll("subjects") NativeAccess subject,
      @ForAll("limits") OptionalInt limit) {
    if (AccessPolicy.decide(resource, scope, subject, limit)
        instanceof AccessDecision.Allowed allowed) {
      Resource r = allowed.resource();
      assertThat(r.isSensitive()).isFalse();
      assertThat(scope.excludedResources()).doesNotContain(r);
      assertThat(scope.resources()).contains(r);
      assertThat(r.wireName()).isEqualTo(resource);
    }
  }

  @Property
  void decide_allowed_limitNeverExceedsCapAndHonoursRequest(
      @ForAll("resourceNames") String resource,
      @ForAll("scopes") Scope scope,
      @ForAll("subjects") NativeAccess subject,
      @ForAll("limits") OptionalInt limit) {
    AccessDecision decision = AccessPolicy.decide(resource, scope, subject, limit);
    if (decision instanceof AccessDecision.Allowed allowed) {
      assertThat(allowed.limit()).isBetween(1, scope.maxRowsPerQuery());
      if (limit.isPresent()) {
        assertThat(allowed.limit()).isEqualTo(Math.min(limit.getAsInt(), scope.maxRowsPerQuery()));
      } else {
        assertThat(allowed.limit()).isEqualTo(scope.maxRowsPerQuery());
      }
    } else if (limit.isPresent() && limit.getAsInt() < 1) {
      assertThat(decision).isInstanceOf(AccessDecision.Denied.class);
    }
  }

  record Row(UserId owner, Optional<TeamId> team) {}

  @Provide
  static Arbitrary<Row> rows() {
    return Combinators.combine(
            Arbitraries.of(SUBJECT, SOMEONE_ELSE), Arbitraries.of(TEAMS).optional(0.6))
        .as(Row::new);
  }

  @Provide
  static Arbitrary<String> resourceNames() {
    return Arbitraries.oneOf(
        Arbitraries.of(Resource.class).map(Resource::wireName),
        Arbitraries.of("Tasks", "todos", "", "api-keys", "credentials "));
  }

  @Provide
  static Arbitrary<OptionalInt> limits() {
    return Arbitraries.oneOf(
        Arbitraries.just(OptionalInt.empty()),
        Arbitraries.integers().between(-5, 20_000).map(OptionalInt::of),
        Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 1).map(OptionalInt::of));
  }

  @Provide
  static Arbitrary<NativeAccess> subjects() {
    return Arbitraries.of(TEAMS).set().map(teams -> new NativeAccess(SUBJECT, teams));
  }

  @Provide
  static Arbitrary<Scope> scopes() {
    Arbitrary<ResourceFilter> filter =
        Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(TEAMS).set().optional(0.6))
            .as(ResourceFilter::new);
    return Combinators.combine(
            Arbitraries.of(Resource.class).set().ofMinSize(1),
            Arbitraries.of(Resource.class).set(),
            filter.list().ofSize(Resource.values().length),
            Arbitraries.of(Resource.class).set(),
            Arbitraries.integers().between(1, Scope.MAX_ROWS_CAP))
        .as(
            (granted, excluded, filters, filtered, max) -> {
              EnumSet<Resource> ex = EnumSet.noneOf(Resource.class);
              ex.addAll(excluded);
              ex.removeAll(granted);
              Map<Resource, ResourceFilter> byResource = new EnumMap<>(Resource.class);
              for (Resource r : filtered) {
                byResource.put(r, filters.get(r.ordinal()));
              }
              return new Scope(granted, ex, byResource, max, Optional.<RateLimit>empty());
            });
  }
}
