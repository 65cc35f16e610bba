package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.federation.application.service.FeatureHashingEmbedder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/federation/v1/search} end to end (AC-9 and hybrid search) on B (127.0.0.2, real
 * PostgreSQL with {@code vector}), asked directly with enrolled client certificates and, for the
 * requesting side, through A's (127.0.0.3) session API. Erin owns tasks, notes, memory and a
 * credential named {@code okapi-vault} whose secret is {@code quagga-…}; Frank owns rows with the
 * same keywords; Gina owns 5 memory rows among {@value #OTHER_ROWS} memory rows of other users.
 * Memory rows carry embeddings of the {@link FeatureHashingEmbedder}, as B's own embedder makes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PEER = "home.example";
  static final int OTHER_ROWS = 20_000;
  static final FeatureHashingEmbedder EMBEDDER = new FeatureHashingEmbedder();

  @TempDir static Path dir;

  Gateway work;
  Gateway home;
  PeerClient excluded;
  PeerClient listed;
  PeerClient tasksOnly;
  PeerClient gina;
  SessionClient erinSession;

  UUID erinTask;
  UUID erinNote;
  UUID erinMemory;
  UUID erinGardener;
  UUID erinCredential;
  final Set<UUID> ginaRows = new HashSet<>();
  final Set<String> erinVisible = new HashSet<>();

  @BeforeAll
  void bWithSeededRowsAndFourGrants() throws SQLException {
    work = Gateway.named("work.example").host("127.0.0.2").dir(dir.resolve("work")).build();
    home = Gateway.named(PEER).host("127.0.0.3").dir(dir.resolve("home")).build();
    CompletableFuture<Void> homeReady =
        CompletableFuture.runAsync(
            () -> {
              home.ok("gateway", "migrate");
              new ReferenceData(home.database()).user("erin");
            });
    work.ok("gateway", "migrate");
    CompletableFuture<MosaicProcess> serving = CompletableFuture.supplyAsync(work::serve);
    seed(new ReferenceData(work.database()));
    serving.join();

    String served = "\"resources\": [\"tasks\", \"notes\", \"memory\"]";
    excluded =
        enrolled(
            "erin", "{" + served + ", \"excluded_resources\": [\"credentials\", \"api_keys\"]}");
    listed =
        enrolled("erin", "{\"resources\": [\"tasks\", \"notes\", \"memory\", \"credentials\"]}");
    tasksOnly = enrolled("erin", "{\"resources\": [\"tasks\"]}");
    gina = enrolled("gina", "{\"resources\": [\"memory\"]}");

    String url =
        work.ok(
                "federation",
                "grant",
                "token",
                work.createGrant(
                    "erin", PEER, "{" + served + ", \"excluded_resources\": [\"credentials\"]}"))
            .strip();
    homeReady.join();
    home.ok("federation", "peer", "add", url, "--local-user", "erin", "--name", "work");
    home.serve();
    erinSession = SessionClient.forUser(home, "erin");
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

  private PeerClient enrolled(String user, String scope) {
    String grantId = work.createGrant(user, PEER, scope);
    return PeerClient.of(work, ClientIdentity.enroll(work, grantId, PEER));
  }

  private void seed(ReferenceData data) throws SQLException {
    UUID erin = data.user("erin");
    UUID frank = data.user("frank");
    UUID ginaId = data.user("gina");
    try (Connection c = work.database().connect()) {
      erinTask = insert(c, "insert into tasks (id, owner_user_id, title)", erin, "zebra crossing");
      erinNote =
          insert(
              c, "insert into notes (id, owner_user_id, title)", erin, "zebra zebra stripes zebra");
      insert(c, "insert into tasks (id, owner_user_id, title)", frank, "zebra of frank");
      insert(c, "insert into tasks (id, owner_user_id, title)", frank, "okapi of frank");
      erinMemory = memory(c, erin, "the zebra herd moved north");
      erinGardener = memory(c, erin, "gardener grows tomato plants");
      UUID invoice = memory(c, erin, "quarterly invoice payment deadline");
      UUID train = memory(c, erin, "the train to the airport leaves at noon");
      for (UUID id : List.of(erinTask, erinNote, erinMemory, erinGardener, invoice, train)) {
        erinVisible.add(id.toString());
      }
      erinCredential = UUID.randomUUID();
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into credentials (id, owner_user_id, name, secret) values (?, ?, ?, ?)")) {
        s.setObject(1, erinCredential);
        s.setObject(2, erin);
        s.setString(3, "okapi-vault okapi");
        s.setString(4, "quagga-" + erinCredential);
        s.executeUpdate();
      }
      for (int i = 0; i < 5; i++) {
        ginaRows.add(memory(c, ginaId, "gina remembers item " + i));
      }
      seedOtherUsers(data, c);
    }
  }

  /** {@value #OTHER_ROWS} memory rows of 100 other users, with embeddings, in batches. */
  private static void seedOtherUsers(ReferenceData data, Connection c) throws SQLException {
    Random random = new Random(42);
    List<UUID> others = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      others.add(data.user("other" + i));
    }
    String[] words = {
      "alpha", "harbor", "remember", "items", "ledger", "meeting", "orbit", "paper", "river",
      "signal", "timber", "violet", "window", "yellow", "gina", "lantern", "marble", "nectar"
    };
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into memory (id, owner_user_id, kind, content, embedding)"
                + " values (?, ?, 'fact', ?, ?::vector)")) {
      for (int i = 0; i < OTHER_ROWS; i++) {
        String content =
            words[random.nextInt(words.length)]
                + " "
                + words[random.nextInt(words.length)]
                + " "
                + words[random.nextInt(words.length)]
                + " "
                + i;
        s.setObject(1, UUID.randomUUID());
        s.setObject(2, others.get(i % others.size()));
        s.setString(3, content);
        s.setString(4, vector(content));
        s.addBatch();
        if (i % 1000 == 999) {
          s.executeBatch();
        }
      }
      s.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static UUID insert(Connection c, String into, UUID owner, String text)
      throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement s = c.prepareStatement(into + " values (?, ?, ?)")) {
      s.setObject(1, id);
      s.setObject(2, owner);
      s.setString(3, text);
      s.executeUpdate();
    }
    return id;
  }

  private static UUID memory(Connection c, UUID owner, String content) throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into memory (id, owner_user_id, kind, content, embedding)"
                + " values (?, ?, 'fact', ?, ?::vector)")) {
      s.setObject(1, id);
      s.setObject(2, owner);
      s.setString(3, content);
      s.setString(4, vector(content));
      s.executeUpdate();
    }
    return id;
  }

  private static String vector(String text) {
    return EMBEDDER.embed(text).stream()
        .map(String::valueOf)
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static String body(String query, String extra) {
    try {
      return "{\"query\": "
          + JSON.writeValueAsString(query)
          + (extra.isEmpty() ? "" : ", " + extra)
          + "}";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpReply search(PeerClient client, String json) {
    return client.call(
        "POST", PeerClient.V1 + "/search", PeerClient.APPLICATION_JSON, json, Map.of());
  }

  private static String embedding(String text) {
    return "\"embedding\": " + vector(text);
  }

  private static List<String> hitIds(HttpReply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    reply.json().get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
    return ids;
  }

  // ---- ranked hits from granted resources only ----

  @Test
  void search_keyword_returnsRankedHitsOfTheSubjectFromEveryGrantedResource() {
    HttpReply reply = search(excluded, body("zebra", ""));

    assertThat(hitIds(reply))
        .containsExactlyInAnyOrder(erinTask.toString(), erinNote.toString(), erinMemory.toString());
    JsonNode hits = reply.json().get("hits");
    assertThat(hits.get(0).get("id").asText()).isEqualTo(erinNote.toString());
    assertThat(hits.get(0).get("resource").asText()).isEqualTo("notes");
    assertThat(hits.get(0).at("/item/title").asText()).isEqualTo("zebra zebra stripes zebra");
    for (int i = 1; i < hits.size(); i++) {
      assertThat(hits.get(i).get("score").asDouble())
          .isLessThanOrEqualTo(hits.get(i - 1).get("score").asDouble());
    }
    assertThat(reply.json().has("partial")).isFalse();
  }

  @Test
  void search_grantOfTasksOnly_neverTouchesNotesOrMemory() {
    assertThat(hitIds(search(tasksOnly, body("zebra", "")))).containsExactly(erinTask.toString());
    assertThat(search(tasksOnly, body("zebra", "\"resources\": [\"notes\"]")).errorCode())
        .isEqualTo("scope_violation");
  }

  @Test
  void search_everySearchRequest_isAuditedOnceWithItsResourcesAndRows() {
    HttpReply reply = search(excluded, body("zebra", "\"resources\": [\"tasks\", \"notes\"]"));

    List<Map<String, Object>> rows = work.database().auditOf(reply.requestId());
    assertThat(rows).hasSize(1);
    assertThat(rows.getFirst())
        .containsEntry("event", "search")
        .containsEntry("outcome", "allowed")
        .containsEntry("resource", "tasks,notes");
    assertThat(((Number) rows.getFirst().get("rows_out")).longValue()).isEqualTo(2);
  }

  // ---- AC-9: no credential through any verb ----

  @Test
  void credentialKeywords_withCredentialsExcludedOrListed_neverReturnACredential() {
    for (PeerClient client : List.of(excluded, listed)) {
      for (String keyword : List.of("okapi", "quagga-" + erinCredential, "vault")) {
        HttpReply reply = search(client, body(keyword, ""));
        assertThat(hitIds(reply)).as(keyword).isEmpty();
        assertThat(reply.text()).doesNotContain(erinCredential.toString());
      }
      assertThat(search(client, body("okapi", "\"resources\": [\"credentials\"]")).errorCode())
          .isEqualTo("scope_violation");
      assertThat(client.list("credentials", "{}").errorCode()).isEqualTo("scope_violation");
      assertThat(client.get("credentials", erinCredential.toString()).errorCode())
          .isEqualTo("scope_violation");
      JsonNode capabilities = client.capabilities().json();
      assertThat(capabilities.get("resources").toString()).doesNotContain("credentials");
      assertThat(capabilities.get("verbs").toString()).contains("search");
    }
  }

  // ---- hybrid: keywords fused with embedding similarity ----

  @Test
  void hybrid_semanticallyNearestRowSharingNoKeyword_isFoundOnlyWithTheEmbedding() {
    String query = "gardening tomatoes";

    List<String> keywordsOnly = hitIds(search(excluded, body(query, "")));
    List<String> hybrid =
        hitIds(search(excluded, body(query, "\"resources\": [\"memory\"], " + embedding(query))));

    assertThat(keywordsOnly).isEmpty();
    assertThat(hybrid).first().isEqualTo(erinGardener.toString());
  }

  @Test
  void hybrid_subjectWithFiveRowsAmongManyOthers_getsItsFiveNearest() {
    String query = "what does gina remember";

    List<String> hits =
        hitIds(search(gina, body(query, "\"limit\": 5, " + embedding("gina remembers items"))));

    assertThat(hits)
        .containsExactlyInAnyOrderElementsOf(ginaRows.stream().map(UUID::toString).toList());
  }

  // ---- the requesting side ----

  @Test
  void sessionSearch_all_returnsHitsTaggedWithTheirSourceAndNoCredential() {
    HttpReply reply = erinSession.query("s1", "all", "search", "", Map.of("query", "zebra"));
    HttpReply credential =
        erinSession.query("s1", "federated:work", "search", "", Map.of("query", "okapi"));

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    List<String> sources = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    reply
        .json()
        .get("hits")
        .forEach(
            hit -> {
              sources.add(hit.get("_source").asText());
              ids.add(hit.get("id").asText());
            });
    // A sends the query's embedding, so B also ranks Erin's memory by similarity
    assertThat(ids)
        .contains(erinTask.toString(), erinNote.toString(), erinMemory.toString())
        .allMatch(erinVisible::contains);
    assertThat(sources).containsOnly("work");
    assertThat(reply.json().get("partial").asBoolean()).isFalse();
    assertThat(credential.status()).isEqualTo(200);
    credential
        .json()
        .get("hits")
        .forEach(hit -> assertThat(hit.get("resource").asText()).isEqualTo("memory"));
    assertThat(credential.text())
        .doesNotContain(erinCredential.toString())
        .doesNotContain("quagga");
  }
}
