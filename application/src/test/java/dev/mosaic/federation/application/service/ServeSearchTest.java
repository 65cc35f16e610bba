package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.in.Refusal;
import dev.mosaic.federation.application.port.in.ServeRefused;
import dev.mosaic.federation.application.port.in.ServeSearchCommand;
import dev.mosaic.federation.application.port.in.ServeSearchResult;
import dev.mosaic.federation.application.port.in.ServeUnavailable;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.PageRequest;
import dev.mosaic.federation.application.port.out.ResourcePage;
import dev.mosaic.federation.application.port.out.ResourceStore;
import dev.mosaic.federation.application.port.out.SearchHit;
import dev.mosaic.federation.application.port.out.SearchRequest;
import dev.mosaic.federation.application.service.ServingWorld.Granted;
import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.fixtures.ItemFixtures;
import dev.mosaic.federation.domain.fixtures.ScopeFixtures;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.scope.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServeSearchTest {
  private final ServingWorld world = new ServingWorld();
  private final RecordingStore store = new RecordingStore(world.stores.resources());
  private final ServeSearchResult.Found empty = new ServeSearchResult.Found(List.of(), List.of());

  private final ResourceItem e1Task =
      world.add(ItemFixtures.aTask().ownedBy(world.e1.id()).withText("zebra migration plan"));
  private final ResourceItem e1Note =
      world.add(ItemFixtures.aNote().ownedBy(world.e1.id()).withText("zebra zebra notes"));
  private final ResourceItem e1Memory =
      world.add(ItemFixtures.aMemory().ownedBy(world.e1.id()).withText("a zebra memory"));
  private final ResourceItem e2Task =
      world.add(ItemFixtures.aTask().ownedBy(world.e2.id()).withText("zebra of e2"));
  private final ResourceItem e1Credential =
      world.add(ItemFixtures.aCredential().ownedBy(world.e1.id()).withText("okapi-vault"));

  private ServeSearchCommand search(
      Granted granted, String query, Optional<List<String>> resources, OptionalLong limit) {
    return new ServeSearchCommand(granted.context(), query, resources, limit, Optional.empty());
  }

  private static ServeSearchResult.Found found(ServeSearchResult result) {
    assertThat(result).isInstanceOf(ServeSearchResult.Found.class);
    return (ServeSearchResult.Found) result;
  }

  private static List<String> ids(ServeSearchResult.Found found) {
    return found.hits().stream().map(h -> (String) h.get("id")).toList();
  }

  private AuditEvent lastRow() {
    return world.stores.audit().all().getLast();
  }

  @Test
  void search_grantedResources_returnsRankedHitsOfTheSubjectOnly() {
    Granted granted = world.grant(world.e1);

    ServeSearchResult.Found found =
        found(
            world
                .service(store)
                .search(search(granted, "zebra", Optional.empty(), OptionalLong.empty())));

    assertThat(ids(found))
        .containsExactlyInAnyOrder(
            e1Task.id().toString(), e1Note.id().toString(), e1Memory.id().toString());
    assertThat(found.hits().getFirst()).containsEntry("resource", "notes");
    assertThat(found.hits().getFirst().get("item")).isEqualTo(e1Note.toWire());
    assertThat(found.toWire()).doesNotContainKeys("partial", "errors");
    AuditEvent row = lastRow();
    assertThat(row.event()).isEqualTo("search");
    assertThat(row.outcome()).isEqualTo(AuditOutcome.ALLOWED);
    assertThat(row.resource()).contains("tasks,notes,memory");
    assertThat(row.rowsOut()).hasValue(3);
  }

  @Test
  void search_withLimit_capsTheMergedRanking() {
    Granted granted = world.grant(world.e1);

    ServeSearchResult.Found found =
        found(
            world
                .service(store)
                .search(search(granted, "zebra", Optional.empty(), OptionalLong.of(1))));

    assertThat(ids(found)).containsExactly(e1Note.id().toString());
  }

  @Test
  void search_listedResources_searchesOnlyThose() {
    Granted granted = world.grant(world.e1);

    ServeSearchResult.Found found =
        found(
            world
                .service(store)
                .search(
                    search(granted, "zebra", Optional.of(List.of("tasks")), OptionalLong.empty())));

    assertThat(ids(found)).containsExactly(e1Task.id().toString());
    assertThat(store.searched).containsExactly(Resource.TASKS);
  }

  @Test
  void search_credentialKeywordWithCredentialsExcluded_touchesNoCredential() {
    Granted granted = world.grant(world.e1);

    ServeSearchResult.Found found =
        found(
            world
                .service(store)
                .search(search(granted, "okapi", Optional.empty(), OptionalLong.empty())));

    assertThat(found.hits()).isEmpty();
    assertThat(store.searched).doesNotContain(Resource.CREDENTIALS, Resource.API_KEYS);
  }

  @Test
  void search_credentialKeywordWithCredentialsGranted_touchesNoCredential() {
    Granted granted =
        world.grant(
            world.e1,
            ScopeFixtures.aScope()
                .resources(Resource.TASKS, Resource.NOTES, Resource.MEMORY, Resource.CREDENTIALS)
                .build());

    ServeSearchResult.Found found =
        found(
            world
                .service(store)
                .search(search(granted, "okapi", Optional.empty(), OptionalLong.empty())));

    assertThat(found.hits()).isEmpty();
    assertThat(store.searched).containsExactly(Resource.TASKS, Resource.NOTES, Resource.MEMORY);
  }

  @Test
  void search_credentialsListedAndGranted_isRefusedAsNeverServed() {
    Granted granted =
        world.grant(
            world.e1,
            ScopeFixtures.aScope().resources(Resource.TASKS, Resource.CREDENTIALS).build());

    ServeSearchResult result =
        world
            .service(store)
            .search(
                search(
                    granted,
                    "okapi",
                    Optional.of(List.of("tasks", "credentials")),
                    OptionalLong.empty()));

    assertThat(result).isInstanceOf(ServeRefused.class);
    assertThat(((ServeRefused) result).refusal()).isEqualTo(Refusal.SCOPE_VIOLATION);
    assertThat(store.searched).isEmpty();
    assertThat(lastRow().outcome()).isEqualTo(AuditOutcome.DENIED);
  }

  @Test
  void search_unknownOrNotGrantedResource_isRefusedLikeList() {
    Granted granted =
        world.grant(world.e1, ScopeFixtures.aScope().resources(Resource.TASKS).build());

    ServeSearchResult unknown =
        world
            .service(store)
            .search(search(granted, "zebra", Optional.of(List.of("bogus")), OptionalLong.empty()));
    ServeSearchResult notGranted =
        world
            .service(store)
            .search(search(granted, "zebra", Optional.of(List.of("notes")), OptionalLong.empty()));

    assertThat(((ServeRefused) unknown).refusal()).isEqualTo(Refusal.INVALID_REQUEST);
    assertThat(((ServeRefused) notGranted).refusal()).isEqualTo(Refusal.SCOPE_VIOLATION);
    assertThat(store.searched).isEmpty();
  }

  @Test
  void search_queryTooLongOrBlank_isInvalid() {
    Granted granted = world.grant(world.e1);

    ServeSearchResult tooLong =
        world
            .service(store)
            .search(search(granted, "z".repeat(257), Optional.empty(), OptionalLong.empty()));
    ServeSearchResult blank =
        world.service(store).search(search(granted, "  ", Optional.empty(), OptionalLong.empty()));

    assertThat(((ServeRefused) tooLong).refusal()).isEqualTo(Refusal.INVALID_REQUEST);
    assertThat(((ServeRefused) blank).refusal()).isEqualTo(Refusal.INVALID_REQUEST);
    assertThat(lastRow().outcome()).isEqualTo(AuditOutcome.INVALID);
  }

  @Test
  void search_embeddingOfWrongSize_isInvalid() {
    Granted granted = world.grant(world.e1);

    ServeSearchResult result =
        world
            .service(store)
            .search(
                new ServeSearchCommand(
                    granted.context(),
                    "zebra",
                    Optional.empty(),
                    OptionalLong.empty(),
                    Optional.of(List.of(1.0, 2.0))));

    assertThat(((ServeRefused) result).refusal()).isEqualTo(Refusal.INVALID_REQUEST);
  }

  @Test
  void search_embedding_isPassedForMemoryOnly() {
    Granted granted = world.grant(world.e1);
    List<Double> embedding = Collections.nCopies(256, 0.0625);

    world
        .service(store)
        .search(
            new ServeSearchCommand(
                granted.context(),
                "zebra",
                Optional.empty(),
                OptionalLong.empty(),
                Optional.of(embedding)));

    assertThat(store.requests.get(Resource.MEMORY).embedding())
        .hasValueSatisfying(e -> assertThat(e).hasSize(256));
    assertThat(store.requests.get(Resource.TASKS).embedding()).isEmpty();
  }

  @Test
  void search_oneResourceFailing_answersPartialWithItsError() {
    Granted granted = world.grant(world.e1);
    store.failing = Optional.of(Resource.NOTES);

    ServeSearchResult.Found found =
        found(
            world
                .service(store)
                .search(search(granted, "zebra", Optional.empty(), OptionalLong.empty())));

    assertThat(ids(found))
        .containsExactlyInAnyOrder(e1Task.id().toString(), e1Memory.id().toString());
    assertThat(found.toWire())
        .containsEntry("partial", true)
        .containsEntry("errors", List.of(Map.of("resource", "notes", "code", "unavailable")));
  }

  @Test
  void search_auditStoreDown_servesNothing() {
    Granted granted = world.grant(world.e1);
    world.stores.audit().failWith(new InfrastructureException("audit down", true));

    ServeSearchResult result =
        world
            .service(store)
            .search(search(granted, "zebra", Optional.empty(), OptionalLong.empty()));

    assertThat(result).isInstanceOf(ServeUnavailable.class);
  }

  @Test
  void search_otherSubjectsRows_areNeverReturned() {
    Granted granted = world.grant(world.e2);

    ServeSearchResult.Found found =
        found(
            world
                .service(store)
                .search(search(granted, "zebra", Optional.empty(), OptionalLong.empty())));

    assertThat(ids(found)).containsExactly(e2Task.id().toString());
  }

  /** Delegates to the fake, recording what was searched; can fail one resource. */
  private static final class RecordingStore implements ResourceStore {
    private final ResourceStore delegate;
    final List<Resource> searched = Collections.synchronizedList(new ArrayList<>());
    final Map<Resource, SearchRequest> requests = new java.util.concurrent.ConcurrentHashMap<>();
    Optional<Resource> failing = Optional.empty();

    RecordingStore(ResourceStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public ResourcePage list(Resource resource, EffectiveFilter filter, PageRequest page) {
      return delegate.list(resource, filter, page);
    }

    @Override
    public Optional<ResourceItem> get(Resource resource, EffectiveFilter filter, UUID id) {
      return delegate.get(resource, filter, id);
    }

    @Override
    public List<SearchHit> search(
        Resource resource, EffectiveFilter filter, SearchRequest request) {
      searched.add(resource);
      requests.put(resource, request);
      if (failing.equals(Optional.of(resource))) {
        throw new InfrastructureException("search failed", true);
      }
      return delegate.search(resource, filter, request);
    }
  }
}
