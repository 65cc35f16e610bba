package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.port.in.ImportDataCommand;
import dev.mosaic.federation.application.port.in.ImportDataResult;
import dev.mosaic.federation.application.port.in.ImportDataResult.RowProblem;
import dev.mosaic.federation.application.port.in.ImportRow;
import dev.mosaic.federation.domain.fixtures.ItemFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.resource.CredentialItem;
import dev.mosaic.federation.domain.resource.MemoryItem;
import dev.mosaic.federation.domain.resource.NoteItem;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.resource.TaskItem;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.Team;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImportDataServiceTest {
  private final InMemoryStores stores = new InMemoryStores();
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0);
  private final ImportDataService service =
      new ImportDataService(
          stores.transactor(),
          stores.users(),
          stores.resources(),
          new SequentialIdGenerator(),
          clock);
  private final User alice = User.of(new UserId(UUID.randomUUID()), "alice");
  private final User bob = User.of(new UserId(UUID.randomUUID()), "bob");
  private final Team platform = new Team(new TeamId(UUID.randomUUID()), "platform");

  ImportDataServiceTest() {
    stores.users().addUser(alice);
    stores.users().addUser(bob);
    stores.users().addTeam(platform);
    stores.users().addMember(platform.id(), alice.id());
  }

  /** Rows numbered from line 1. */
  @SafeVarargs
  private static List<ImportRow> rows(Map<String, Object>... lines) {
    List<ImportRow> rows = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      rows.add(new ImportRow(i + 1, lines[i]));
    }
    return rows;
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private ImportDataResult importing(String resource, List<ImportRow> rows) {
    return service.importRows(new ImportDataCommand(resource, rows, "alice", Optional.empty()));
  }

  private static List<RowProblem> problems(ImportDataResult result) {
    assertThat(result).isInstanceOf(ImportDataResult.InvalidRows.class);
    return ((ImportDataResult.InvalidRows) result).problems();
  }

  @Test
  void import_tasks_storesThemOwnedByTheUserWithDefaults() {
    UUID id = UUID.randomUUID();
    ImportDataResult result =
        importing(
            "tasks",
            rows(
                row(
                    "id", id.toString(),
                    "title", "Ship it",
                    "status", "open",
                    "priority", 2,
                    "dueAt", "2030-02-01T00:00:00Z",
                    "createdAt", "2030-01-01T00:00:00Z"),
                row("title", "Plan", "status", "done")));

    assertThat(result).isEqualTo(new ImportDataResult.Imported(Resource.TASKS, 2));
    List<ResourceItem> stored = stores.resources().all();
    TaskItem first = (TaskItem) stored.get(0);
    assertThat(first.id()).isEqualTo(id);
    assertThat(first.ownerUserId()).isEqualTo(alice.id());
    assertThat(first.teamId()).isEmpty();
    assertThat(first.priority()).isEqualTo(2);
    assertThat(first.dueAt()).contains(Instant.parse("2030-02-01T00:00:00Z"));
    assertThat(first.updatedAt()).isEqualTo(first.createdAt());
    TaskItem second = (TaskItem) stored.get(1);
    assertThat(second.priority()).isZero();
    assertThat(second.dueAt()).isEmpty();
    assertThat(second.createdAt()).isEqualTo(Times.T0);
    assertThat(second.id()).isNotEqualTo(id);
  }

  @Test
  void import_withTeam_setsTheTeamOnEveryRow() {
    ImportDataResult result =
        service.importRows(
            new ImportDataCommand(
                "notes",
                rows(row("title", "a", "body", ""), row("title", "b", "body", "text")),
                "alice",
                Optional.of("platform")));

    assertThat(result).isEqualTo(new ImportDataResult.Imported(Resource.NOTES, 2));
    assertThat(stores.resources().all())
        .allSatisfy(item -> assertThat(item.teamId()).contains(platform.id()));
  }

  @Test
  void import_memoryAndCredentials_readTheirFields() {
    importing("memory", rows(row("kind", "fact", "content", "likes tea")));
    importing("credentials", rows(row("name", "db", "secret", "hunter2")));

    assertThat(stores.resources().all())
        .satisfiesExactly(
            m -> assertThat(((MemoryItem) m).content()).isEqualTo("likes tea"),
            c -> assertThat(((CredentialItem) c).secret()).isEqualTo("hunter2"));
  }

  @Test
  void import_badRows_namesEveryLineAndFieldAndWritesNothing() {
    ImportDataResult result =
        importing(
            "tasks",
            rows(
                row("title", "fine", "status", "open"),
                row("status", "open"),
                row("title", "x", "status", "open", "priority", "high"),
                row("title", "x", "status", "open", "ownerUserId", bob.id().toString()),
                row("title", " ", "status", 3, "id", "nope", "createdAt", "yesterday")));

    assertThat(problems(result))
        .extracting(RowProblem::line, RowProblem::field)
        .containsExactlyInAnyOrder(
            tuple(2, "title"),
            tuple(3, "priority"),
            tuple(4, "ownerUserId"),
            tuple(5, "title"),
            tuple(5, "status"),
            tuple(5, "id"),
            tuple(5, "createdAt"));
    assertThat(problems(result).getFirst().describe())
        .isEqualTo("line 2, field 'title': is required");
    assertThat(stores.resources().all()).isEmpty();
  }

  @Test
  void import_fractionalPriorityOrUpdatedBeforeCreated_isRejected() {
    ImportDataResult result =
        importing(
            "tasks",
            rows(
                row("title", "x", "status", "open", "priority", 1.5),
                row(
                    "title", "y",
                    "status", "open",
                    "createdAt", "2030-01-02T00:00:00Z",
                    "updatedAt", "2030-01-01T00:00:00Z")));

    assertThat(problems(result))
        .extracting(RowProblem::line, RowProblem::field)
        .containsExactly(tuple(1, "priority"), tuple(2, "updatedAt"));
  }

  @Test
  void import_sameIdTwiceInTheFile_namesTheLaterLine() {
    String id = UUID.randomUUID().toString();

    ImportDataResult result =
        importing(
            "notes",
            rows(row("id", id, "title", "a", "body", ""), row("id", id, "title", "b", "body", "")));

    assertThat(problems(result))
        .containsExactly(new RowProblem(2, "id", "duplicates the id on line 1 of the file"));
    assertThat(stores.resources().all()).isEmpty();
  }

  @Test
  void import_idAlreadyStored_rollsBackEveryRow() {
    ResourceItem existing = ItemFixtures.aNote().ownedBy(bob.id()).build();
    stores.resources().insert(existing);

    ImportDataResult result =
        importing(
            "notes",
            rows(
                row("title", "new", "body", ""),
                row("id", existing.id().toString(), "title", "clash", "body", "")));

    assertThat(result).isEqualTo(new ImportDataResult.DuplicateId(2, existing.id()));
    assertThat(stores.resources().all()).containsExactly(existing);
  }

  @Test
  void import_unknownOrNonImportableResource_isUnknownResource() {
    assertThat(importing("widgets", rows(row("title", "x"))))
        .isEqualTo(new ImportDataResult.UnknownResource("widgets"));
    assertThat(importing("api_keys", rows(row("title", "x"))))
        .isEqualTo(new ImportDataResult.UnknownResource("api_keys"));
  }

  @Test
  void import_unknownOrDeletedUser_isUnknownUser() {
    stores.users().markUserDeleted(bob.id(), Times.T0);

    assertThat(
            service.importRows(
                new ImportDataCommand("notes", List.of(), "nobody", Optional.empty())))
        .isEqualTo(new ImportDataResult.UnknownUser("nobody"));
    assertThat(
            service.importRows(new ImportDataCommand("notes", List.of(), "bob", Optional.empty())))
        .isEqualTo(new ImportDataResult.UnknownUser("bob"));
  }

  @Test
  void import_unknownTeamOrNotAMember_isRefused() {
    List<ImportRow> rows = rows(row("title", "a", "body", ""));

    assertThat(
            service.importRows(new ImportDataCommand("notes", rows, "alice", Optional.of("nope"))))
        .isEqualTo(new ImportDataResult.UnknownTeam("nope"));
    assertThat(
            service.importRows(
                new ImportDataCommand("notes", rows, "bob", Optional.of("platform"))))
        .isEqualTo(new ImportDataResult.NotAMember("platform", "bob"));
    assertThat(stores.resources().all()).isEmpty();
  }

  @Test
  void import_notesRow_keepsTitleAndBody() {
    importing("notes", rows(row("title", "T", "body", "B")));

    NoteItem note = (NoteItem) stores.resources().all().getFirst();
    assertThat(note.title()).isEqualTo("T");
    assertThat(note.body()).isEqualTo("B");
  }
}
