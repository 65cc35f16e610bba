package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * AC-2 end to end: A (127.0.0.3) queries B (127.0.0.2) for tasks, notes and memory through its
 * session API, over links onboarded with the CLI, and each grant's scope filter decides what comes
 * back. On B the subject Erin belongs to teams T1 and T2; Frank also to T3. Four grants for Erin,
 * each linked on A under its own name: {@code all} (no filter: Erin's personal rows and her teams'
 * rows), {@code t1} (tasks and notes {@code include_teams:[T1]}; memory unfiltered), {@code teams}
 * ({@code include_personal:false}) and {@code t3} ({@code include_teams:[T3]}, a team Erin is not
 * in, which contributes nothing). Frank's personal rows and T3's rows never come back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeFilteringTest {
  static final List<String> RESOURCES = List.of("tasks", "notes", "memory");
  static final String SERVED = "\"resources\": [\"tasks\", \"notes\", \"memory\"]";

  @TempDir static Path dir;

  Gateway work;
  Gateway home;
  SessionClient erinSession;
  UUID t1;
  UUID t2;
  UUID t3;

  /** Per resource, the rows of each kind. */
  final Map<String, Rows> rows = new HashMap<>();

  /** Erin's personal rows, rows of T1 (some Erin's, some Frank's), T2, T3 and Frank's own. */
  record Rows(
      List<UUID> personal, List<UUID> team1, List<UUID> team2, List<UUID> team3, List<UUID> frank) {
    Set<UUID> union(List<List<UUID>> parts) {
      Set<UUID> all = new HashSet<>();
      parts.forEach(all::addAll);
      return all;
    }
  }

  @BeforeAll
  void erinLinkedToFourGrants() {
    work = Gateway.named("work.example").host("127.0.0.2").dir(dir.resolve("work")).build();
    home = Gateway.named("home.example").host("127.0.0.3").dir(dir.resolve("home")).build();
    CompletableFuture<Void> homeReady =
        CompletableFuture.runAsync(
            () -> {
              home.ok("gateway", "migrate");
              new ReferenceData(home.database()).user("erin");
            });
    work.ok("gateway", "migrate");
    CompletableFuture<MosaicProcess> serving = CompletableFuture.supplyAsync(work::serve);
    seed(new ReferenceData(work.database()));

    Map<String, String> scopes = new HashMap<>();
    scopes.put("all", "{" + SERVED + "}");
    scopes.put(
        "t1",
        "{"
            + SERVED
            + ", \"filters\": {\"tasks\": {\"include_teams\": [\""
            + t1
            + "\"]}, \"notes\": {\"include_personal\": true, \"include_teams\": [\""
            + t1
            + "\"]}}}");
    scopes.put(
        "teams",
        "{" + SERVED + ", \"filters\": " + everyResource("\"include_personal\": false") + "}");
    scopes.put(
        "t3",
        "{"
            + SERVED
            + ", \"filters\": "
            + everyResource("\"include_teams\": [\"" + t3 + "\"]")
            + "}");
    Map<String, CompletableFuture<String>> urls = new HashMap<>();
    scopes.forEach(
        (name, scope) ->
            urls.put(
                name,
                CompletableFuture.supplyAsync(
                    () ->
                        work.ok(
                                "federation",
                                "grant",
                                "token",
                                work.createGrant("erin", "home.example", scope))
                            .strip())));
    homeReady.join();
    serving.join();
    List<CompletableFuture<String>> links = new ArrayList<>();
    urls.forEach(
        (name, url) ->
            links.add(
                url.thenApplyAsync(
                    u ->
                        home.ok(
                            "federation",
                            "peer",
                            "add",
                            u,
                            "--local-user",
                            "erin",
                            "--name",
                            name))));
    links.forEach(CompletableFuture::join);
    home.serve();
    erinSession = SessionClient.forUser(home, "erin");
  }

  private static String everyResource(String filter) {
    return "{\"tasks\": {"
        + filter
        + "}, \"notes\": {"
        + filter
        + "}, \"memory\": {"
        + filter
        + "}}";
  }

  private void seed(ReferenceData data) {
    UUID erin = data.user("erin");
    UUID frank = data.user("frank");
    t1 = data.team("t1", erin, frank);
    t2 = data.team("t2", erin, frank);
    t3 = data.team("t3", frank);
    var at = ReferenceData.SAME_INSTANT;
    for (String resource : RESOURCES) {
      List<UUID> team1 = new ArrayList<>(data.rows(resource, erin, t1, 1, at));
      team1.addAll(data.rows(resource, frank, t1, 2, at));
      rows.put(
          resource,
          new Rows(
              data.rows(resource, erin, null, 3, at),
              team1,
              data.rows(resource, frank, t2, 2, at),
              data.rows(resource, frank, t3, 2, at),
              data.rows(resource, frank, null, 2, at)));
    }
  }

  @AfterAll
  void stopGateways() {
    try {
      if (home != null) {
        home.close();
      }
    } finally {
      if (work != null) {
        work.close();
      }
    }
  }

  @Test
  void grantWithoutFilters_listsThePersonalRowsAndTheRowsOfEveryTeamOfTheSubject() {
    for (String resource : RESOURCES) {
      Rows r = rows.get(resource);

      assertThat(listThrough("all", resource))
          .as(resource)
          .containsExactlyInAnyOrderElementsOf(
              r.union(List.of(r.personal(), r.team1(), r.team2())));
    }
  }

  @Test
  void includeTeamsT1_leavesOutTheSubjectsT2Rows_perResource() {
    Rows tasks = rows.get("tasks");
    Rows notes = rows.get("notes");
    Rows memory = rows.get("memory");

    assertThat(listThrough("t1", "tasks"))
        .containsExactlyInAnyOrderElementsOf(tasks.union(List.of(tasks.personal(), tasks.team1())));
    assertThat(listThrough("t1", "notes"))
        .containsExactlyInAnyOrderElementsOf(notes.union(List.of(notes.personal(), notes.team1())));
    assertThat(listThrough("t1", "memory")) // no filter for memory: every team of the subject
        .containsExactlyInAnyOrderElementsOf(
            memory.union(List.of(memory.personal(), memory.team1(), memory.team2())));
  }

  @Test
  void includePersonalFalse_leavesOutPersonalRows() {
    for (String resource : RESOURCES) {
      Rows r = rows.get(resource);

      assertThat(listThrough("teams", resource))
          .as(resource)
          .containsExactlyInAnyOrderElementsOf(r.union(List.of(r.team1(), r.team2())));
    }
  }

  @Test
  void includeTeamsOfATeamTheSubjectIsNotIn_contributesNothing() {
    for (String resource : RESOURCES) {
      Rows r = rows.get(resource);

      assertThat(listThrough("t3", resource))
          .as(resource)
          .containsExactlyInAnyOrderElementsOf(r.personal());
    }
  }

  @Test
  void get_ofARowTheFilterLeavesOut_answersNoItem_andOfAVisibleRowTheItem() {
    UUID t2Task = rows.get("tasks").team2().getFirst();
    UUID t1Task = rows.get("tasks").team1().getFirst();

    HttpReply hidden =
        erinSession.query("get-1", "federated:t1", "get", "tasks", Map.of("id", t2Task.toString()));
    HttpReply visible =
        erinSession.query("get-1", "federated:t1", "get", "tasks", Map.of("id", t1Task.toString()));

    assertThat(hidden.status()).as("%s", hidden).isEqualTo(200);
    assertThat(hidden.json().get("items")).isEmpty();
    assertThat(hidden.json().at("/sources/0/status").asText()).isEqualTo("ok");
    assertThat(hidden.text()).doesNotContain(t2Task.toString());
    assertThat(visible.json().get("items"))
        .singleElement()
        .satisfies(item -> assertThat(item.get("id").asText()).isEqualTo(t1Task.toString()));
  }

  @Test
  void items_carryTheWireFieldsOfTheirResource_andNoEmbedding() {
    Map<String, Set<String>> fields =
        Map.of(
            "tasks",
            Set.of(
                "id",
                "title",
                "status",
                "priority",
                "dueAt",
                "teamId",
                "ownerUserId",
                "createdAt",
                "updatedAt"),
            "notes",
            Set.of("id", "title", "body", "teamId", "ownerUserId", "createdAt", "updatedAt"),
            "memory",
            Set.of("id", "kind", "content", "teamId", "ownerUserId", "createdAt", "updatedAt"));
    for (String resource : RESOURCES) {
      JsonNode items = erinSession.list("fields", "federated:all", resource).json().get("items");

      assertThat(items).isNotEmpty();
      for (JsonNode item : items) {
        Set<String> names = new HashSet<>();
        item.fieldNames().forEachRemaining(names::add);
        names.remove("_source");
        assertThat(names).as(resource).isSubsetOf(fields.get(resource)).contains("id");
      }
    }
  }

  /**
   * {@code list} through A's session API from the link {@code name} alone; checks the answer's
   * shape and the {@code _source} of every row, and returns the ids.
   */
  private List<UUID> listThrough(String name, String resource) {
    HttpReply reply = erinSession.list("scope-" + name, "federated:" + name, resource);

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("partial").asBoolean()).as("%s", reply).isFalse();
    assertThat(body.get("sources")).hasSize(1);
    assertThat(body.at("/sources/0/name").asText()).isEqualTo(name);
    assertThat(body.at("/sources/0/status").asText()).isEqualTo("ok");
    assertThat(body.at("/sources/0/nextCursor").isMissingNode()).isTrue();
    List<UUID> ids = new ArrayList<>();
    for (JsonNode item : body.get("items")) {
      assertThat(item.get("_source").asText()).isEqualTo(name);
      ids.add(UUID.fromString(item.get("id").asText()));
    }
    Rows r = rows.get(resource);
    assertThat(ids).doesNotHaveDuplicates().doesNotContainAnyElementsOf(r.frank());
    assertThat(ids).doesNotContainAnyElementsOf(r.team3());
    return ids;
  }
}
