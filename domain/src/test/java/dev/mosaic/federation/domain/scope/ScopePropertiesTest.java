package dev.mosaic.federation.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.domain.user.TeamId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ScopePropertiesTest {

  @Property
  void toJsonTree_anyValidScope_roundTripsThroughParse(@ForAll("scopes") Scope scope) {
    ScopeParseResult result = Scope.parse(scope.toJsonTree());

    assertThat(result).isInstanceOf(ScopeParseResult.Parsed.class);
    assertThat(((ScopeParseResult.Parsed) result).scope()).isEqualTo(scope);
  }

  @Provide
  static Arbitrary<Scope> scopes() {
    Arbitrary<Set<Resource>> resources =
        Arbitraries.of(Resource.class).set().ofMinSize(1).ofMaxSize(5);
    Arbitrary<ResourceFilter> filter =
        Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.create(UUID::randomUUID)
                    .map(TeamId::new)
                    .set()
                    .ofMaxSize(3)
                    .optional(0.5))
            .as(ResourceFilter::new);
    return Combinators.combine(
            resources,
            Arbitraries.of(Resource.class).set(),
            filter.list().ofMaxSize(5),
            Arbitraries.integers().between(1, Scope.MAX_ROWS_CAP),
            Combinators.combine(
                    Arbitraries.integers().between(1, 10_000),
                    Arbitraries.integers().between(1, 1_000))
                .as(RateLimit::new)
                .optional(0.5))
        .as(
            (granted, excluded, filters, max, rate) -> {
              EnumSet<Resource> ex = EnumSet.noneOf(Resource.class);
              ex.addAll(excluded);
              ex.removeAll(granted);
              Map<Resource, ResourceFilter> byResource = new EnumMap<>(Resource.class);
              List<Resource> all = List.of(Resource.values());
              for (int i = 0; i < filters.size(); i++) {
                byResource.put(all.get(i), filters.get(i));
              }
              return new Scope(granted, ex, byResource, max, rate);
            });
  }
}
