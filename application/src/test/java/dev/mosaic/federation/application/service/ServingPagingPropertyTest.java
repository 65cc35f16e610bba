package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.in.ServeListResult;
import dev.mosaic.federation.application.service.ServingWorld.Granted;
import dev.mosaic.federation.domain.access.AccessPolicy;
import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.access.NativeAccess;
import dev.mosaic.federation.domain.fixtures.ItemFixtures;
import dev.mosaic.federation.domain.fixtures.ScopeFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.scope.ResourceFilter;
import dev.mosaic.federation.domain.scope.Scope;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for any rows (many sharing a {@code created_at}), scope filter, row cap and limit,
 * following {@code nextCursor} returns every row visible to the grant exactly once and nothing
 * else. Each case is generated from its seed, so a failure names a reproducible case.
 */
class ServingPagingPropertyTest {
  static Stream<Long> seeds() {
    return IntStream.range(0, 200).mapToObj(i -> 0x5EED0000L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void pagingThroughAListing_returnsEveryVisibleRowExactlyOnce(long seed) {
    Random random = new Random(seed);
    ServingWorld world = new ServingWorld();
    ServeFederatedRequestService service = world.service();
    List<UserId> owners = List.of(world.e1.id(), world.e2.id(), world.outsider.id());
    List<TeamId> teams = List.of(world.t1, world.t2, world.t3);
    int rows = random.nextInt(60);
    for (int i = 0; i < rows; i++) {
      ItemFixtures.Builder item =
          ItemFixtures.aNote()
              .ownedBy(owners.get(random.nextInt(owners.size())))
              .createdAt(Times.T0.plusMillis(random.nextInt(3)));
      if (random.nextBoolean()) {
        item.inTeam(teams.get(random.nextInt(teams.size())));
      }
      world.add(item);
    }
    Set<TeamId> includeTeams = new HashSet<>();
    teams.stream().filter(t -> random.nextBoolean()).forEach(includeTeams::add);
    ResourceFilter filter =
        new ResourceFilter(
            random.nextBoolean(),
            random.nextBoolean() ? Optional.of(includeTeams) : Optional.empty());
    Scope scope =
        ScopeFixtures.aScope()
            .filter(Resource.NOTES, filter)
            .maxRows(1 + random.nextInt(10))
            .build();
    Granted granted = world.grant(world.e1, scope);
    long limit = 1 + random.nextInt(12);

    List<String> served = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      ServeListResult result = service.list(granted.list("notes", OptionalLong.of(limit), cursor));
      assertThat(result).isInstanceOf(ServeListResult.Listed.class);
      ServeListResult.Listed page = (ServeListResult.Listed) result;
      assertThat((long) page.items().size())
          .isLessThanOrEqualTo(Math.min(limit, scope.maxRowsPerQuery()));
      page.items().stream().map(item -> (String) item.get("id")).forEach(served::add);
      cursor = page.nextCursor();
      pages++;
    } while (cursor.isPresent() && pages <= rows + 1);

    EffectiveFilter effective =
        AccessPolicy.effectiveFilter(
            filter, new NativeAccess(world.e1.id(), Set.of(world.t1, world.t2)));
    List<String> visible =
        world.stores.resources().all().stream()
            .filter(i -> i.resource() == Resource.NOTES)
            .filter(i -> effective.admits(i.ownerUserId(), i.teamId()))
            .map(ResourceItem::id)
            .map(UUID::toString)
            .toList();
    assertThat(cursor).as("paging ended").isEmpty();
    assertThat(served).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(visible);
  }
}
