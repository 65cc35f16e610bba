package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.PagePosition;
import dev.mosaic.federation.application.port.out.PageRequest;
import dev.mosaic.federation.application.port.out.ResourcePage;
import dev.mosaic.federation.application.port.out.ResourceStore;
import dev.mosaic.federation.application.port.out.SearchHit;
import dev.mosaic.federation.application.port.out.SearchRequest;
import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.fixtures.ItemFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ResourceStore}: only rows the filter admits, every visible row exactly once across keyset
 * pages. Rows are seeded through {@link #seeder()}; every owner and team is fresh, so the contract
 * can share a database.
 */
public abstract class ResourceStoreContract {
  protected ResourceStore store;
  protected ResourceSeeder seeder;

  protected abstract ResourceStore createResourceStore();

  protected abstract ResourceSeeder seeder();

  private UserId subject;
  private UserId colleague;
  private UserId stranger;
  private TeamId sharedTeam;
  private TeamId otherTeam;

  @BeforeEach
  void setUpResourceStoreContract() {
    store = createResourceStore();
    seeder = seeder();
    subject = seeder.newUser();
    colleague = seeder.newUser();
    stranger = seeder.newUser();
    sharedTeam = seeder.newTeam(Set.of(subject, colleague));
    otherTeam = seeder.newTeam(Set.of(subject, stranger));
  }

  private ResourceItem seed(ItemFixtures.Builder builder) {
    ResourceItem item = builder.build();
    seeder.insert(item);
    return item;
  }

  private List<ResourceItem> listAll(Resource resource, EffectiveFilter filter, int pageSize) {
    List<ResourceItem> all = new ArrayList<>();
    PageRequest page = PageRequest.first(pageSize);
    for (int guard = 0; guard < 1000; guard++) {
      ResourcePage result = store.list(resource, filter, page);
      assertThat(result.items()).hasSizeLessThanOrEqualTo(pageSize);
      all.addAll(result.items());
      if (result.next().isEmpty()) {
        return all;
      }
      page = page.after(result.next().get());
    }
    throw new AssertionError("paging did not end");
  }

  @ParameterizedTest
  @EnumSource(
      value = Resource.class,
      names = {"TASKS", "NOTES", "MEMORY"})
  void list_personalRows_onlyTheSubjectsAreVisibleAndEqual(Resource resource) {
    ResourceItem mine = seed(ItemFixtures.anItem(resource).ownedBy(subject));
    seed(ItemFixtures.anItem(resource).ownedBy(colleague));
    seed(ItemFixtures.anItem(resource).ownedBy(stranger));

    ResourcePage page =
        store.list(resource, new EffectiveFilter(subject, true, Set.of()), PageRequest.first(10));

    assertThat(page.items()).containsExactly(mine);
    assertThat(page.next()).isEmpty();
  }

  @Test
  void list_includePersonalFalse_hidesPersonalRows() {
    seed(ItemFixtures.aTask().ownedBy(subject));
    ResourceItem team = seed(ItemFixtures.aTask().ownedBy(subject).inTeam(sharedTeam));

    assertThat(
            store
                .list(
                    Resource.TASKS,
                    new EffectiveFilter(subject, false, Set.of(sharedTeam)),
                    PageRequest.first(10))
                .items())
        .containsExactly(team);
  }

  @Test
  void list_teamRows_onlyOfTeamsInTheFilterWhoeverOwnsThem() {
    ResourceItem colleagues = seed(ItemFixtures.aNote().ownedBy(colleague).inTeam(sharedTeam));
    seed(ItemFixtures.aNote().ownedBy(stranger).inTeam(otherTeam));
    seed(ItemFixtures.aNote().ownedBy(subject).inTeam(otherTeam));

    assertThat(
            store
                .list(
                    Resource.NOTES,
                    new EffectiveFilter(subject, true, Set.of(sharedTeam)),
                    PageRequest.first(10))
                .items())
        .containsExactly(colleagues);
  }

  @Test
  void list_rowsOfOtherResources_areNotListed() {
    seed(ItemFixtures.aNote().ownedBy(subject));
    seed(ItemFixtures.aCredential().ownedBy(subject));
    ResourceItem task = seed(ItemFixtures.aTask().ownedBy(subject));

    assertThat(
            store
                .list(
                    Resource.TASKS,
                    EffectiveFilter.nativeAccess(
                        new dev.mosaic.federation.domain.access.NativeAccess(subject, Set.of())),
                    PageRequest.first(10))
                .items())
        .containsExactly(task);
  }

  @Test
  void list_manyRowsWithIdenticalCreatedAt_pagesEveryVisibleRowExactlyOnceInOrder() {
    EffectiveFilter filter = new EffectiveFilter(subject, true, Set.of(sharedTeam));
    List<ResourceItem> visible = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      visible.add(seed(ItemFixtures.aTask().ownedBy(subject).createdAt(Times.T0)));
      seed(ItemFixtures.aTask().ownedBy(stranger).createdAt(Times.T0));
    }
    for (int i = 0; i < 4; i++) {
      visible.add(
          seed(
              ItemFixtures.aTask()
                  .ownedBy(colleague)
                  .inTeam(sharedTeam)
                  .createdAt(Times.T0.plusSeconds(i - 2))));
      seed(ItemFixtures.aTask().ownedBy(stranger).inTeam(otherTeam).createdAt(Times.T0));
    }
    List<ResourceItem> expected =
        visible.stream()
            .sorted(Comparator.comparing(i -> new PagePosition(i.createdAt(), i.id())))
            .toList();

    assertThat(listAll(Resource.TASKS, filter, 5)).containsExactlyElementsOf(expected);
    assertThat(listAll(Resource.TASKS, filter, 27)).containsExactlyElementsOf(expected);
    assertThat(listAll(Resource.TASKS, filter, 1000)).containsExactlyElementsOf(expected);
  }

  @Test
  void list_updatedSince_returnsOnlyRowsUpdatedAtOrAfter() {
    seed(ItemFixtures.aMemory().ownedBy(subject).updatedAt(Times.T0.plusSeconds(5)));
    ResourceItem atBoundary =
        seed(ItemFixtures.aMemory().ownedBy(subject).updatedAt(Times.T0.plusSeconds(10)));
    ResourceItem later =
        seed(ItemFixtures.aMemory().ownedBy(subject).updatedAt(Times.T0.plusSeconds(20)));

    ResourcePage page =
        store.list(
            Resource.MEMORY,
            new EffectiveFilter(subject, true, Set.of()),
            PageRequest.first(10).updatedSince(Times.T0.plusSeconds(10)));

    assertThat(page.items()).containsExactlyInAnyOrder(atBoundary, later);
  }

  @Test
  void get_visibleRow_isReturnedEqual() {
    ResourceItem team = seed(ItemFixtures.aTask().ownedBy(colleague).inTeam(sharedTeam));

    assertThat(
            store.get(
                Resource.TASKS, new EffectiveFilter(subject, true, Set.of(sharedTeam)), team.id()))
        .contains(team);
  }

  @Test
  void get_invisibleRow_isIndistinguishableFromMissing() {
    ResourceItem strangers = seed(ItemFixtures.aTask().ownedBy(stranger));
    ResourceItem otherTeams = seed(ItemFixtures.aTask().ownedBy(stranger).inTeam(otherTeam));
    EffectiveFilter filter = new EffectiveFilter(subject, true, Set.of(sharedTeam));

    assertThat(store.get(Resource.TASKS, filter, strangers.id())).isEmpty();
    assertThat(store.get(Resource.TASKS, filter, otherTeams.id())).isEmpty();
    assertThat(store.get(Resource.TASKS, filter, UUID.randomUUID())).isEmpty();
    assertThat(
            store.get(
                Resource.NOTES, new EffectiveFilter(stranger, true, Set.of()), strangers.id()))
        .as("a task is not a note")
        .isEmpty();
  }

  @Test
  void search_keyword_findsOnlyVisibleMatchingRows() {
    String word = "zebrafrost";
    ResourceItem hit =
        seed(ItemFixtures.aNote().ownedBy(subject).withText("the " + word + " plan"));
    seed(ItemFixtures.aNote().ownedBy(subject).withText("unrelated words"));
    seed(ItemFixtures.aNote().ownedBy(stranger).withText("stranger " + word));
    seed(ItemFixtures.aNote().ownedBy(stranger).inTeam(otherTeam).withText(word + " other team"));

    List<SearchHit> hits =
        store.search(
            Resource.NOTES,
            new EffectiveFilter(subject, true, Set.of(sharedTeam)),
            SearchRequest.keywords(word, 10));

    assertThat(hits).extracting(SearchHit::item).containsExactly(hit);
  }

  @Test
  void search_respectsLimit() {
    String word = "quillmarble";
    for (int i = 0; i < 5; i++) {
      seed(ItemFixtures.aTask().ownedBy(subject).withText(word + " " + i));
    }

    assertThat(
            store.search(
                Resource.TASKS,
                new EffectiveFilter(subject, true, Set.of()),
                SearchRequest.keywords(word, 3)))
        .hasSize(3);
  }

  @Test
  void list_emptyFilter_seesNothing() {
    seed(ItemFixtures.aTask().ownedBy(subject));
    seed(ItemFixtures.aTask().ownedBy(subject).inTeam(sharedTeam));

    assertThat(
            store
                .list(
                    Resource.TASKS,
                    new EffectiveFilter(subject, false, Set.of()),
                    PageRequest.first(10))
                .items())
        .isEmpty();
  }
}
