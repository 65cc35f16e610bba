package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * AC-3 on the wire: B (127.0.0.2) holds grants for two employees, E1 (erin) and E2 (eve), each
 * enrolled with its own key as its home gateway would; a third user (oscar) has no grant. Erin and
 * Eve share a team; Eve also has a team of her own. Over real mTLS, E1's certificate never yields a
 * row E1 may not see — through list or get of any resource, any limit, any filter, or a cursor
 * taken from E2's answers, forged, or minted for another resource. Many rows share one {@code
 * created_at}; paging with {@code nextCursor} under the grant's {@code max_rows_per_query} returns
 * every visible row exactly once. Credentials are never served. Each request leaves one audit row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServingIsolationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> RESOURCES = List.of("tasks", "notes", "memory");
  static final String RATE = "\"rate_limit\": {\"requests_per_minute\": 60000, \"burst\": 10000}";
  static final int E1_CAP = 7;
  static final int E2_CAP = 50;

  @TempDir static Path dir;

  Gateway work;
  String g1;
  String g2;
  UUID erin;
  UUID eve;
  ClientIdentity e1Identity;
  PeerClient asE1;
  PeerClient asE2;

  /** Per resource: the rows each grant may see, and the rows E1 must never see. */
  final Map<String, Set<UUID>> visibleToE1 = new HashMap<>();

  final Map<String, Set<UUID>> visibleToE2 = new HashMap<>();
  final Map<String, Set<UUID>> hiddenFromE1 = new HashMap<>();
  final List<String> forbiddenForE1 = new ArrayList<>();
  List<UUID> erinCredentials;
  List<UUID> eveCredentials;

  @BeforeAll
  void twoGrantsOnB() {
    work = Gateway.named("work.example").host("127.0.0.2").dir(dir.resolve("work")).build();
    work.ok("gateway", "migrate");
    CompletableFuture<MosaicProcess> serving = CompletableFuture.supplyAsync(work::serve);
    seed(new ReferenceData(work.database()));
    CompletableFuture<String> second =
        CompletableFuture.supplyAsync(
            () ->
                work.createGrant(
                    "eve",
                    "e2-home.example",
                    "{\"resources\": [\"tasks\", \"notes\", \"memory\"],"
                        + " \"excluded_resources\": [\"credentials\"],"
                        + " \"max_rows_per_query\": "
                        + E2_CAP
                        + ", "
                        + RATE
                        + "}"));
    g1 =
        work.createGrant(
            "erin",
            "e1-home.example",
            "{\"resources\": [\"tasks\", \"notes\", \"memory\", \"credentials\"],"
                + " \"max_rows_per_query\": "
                + E1_CAP
                + ", "
                + RATE
                + "}");
    g2 = second.join();
    serving.join();
    e1Identity = ClientIdentity.enroll(work, g1, "e1-home.example");
    asE1 = PeerClient.of(work, e1Identity);
    asE2 = PeerClient.of(work, ClientIdentity.enroll(work, g2, "e2-home.example"));
  }

  private void seed(ReferenceData data) {
    erin = data.user("erin");
    eve = data.user("eve");
    UUID oscar = data.user("oscar");
    UUID shared = data.team("shared", erin, eve);
    UUID eveOnly = data.team("eve-only", eve);
    forbiddenForE1.addAll(List.of(oscar.toString(), eveOnly.toString()));
    for (String resource : RESOURCES) {
      int n = resource.equals("tasks") ? 4 : 1; // tasks: many rows on one instant
      var at = ReferenceData.SAME_INSTANT;
      var later = at.plusSeconds(1);
      Set<UUID> e1 = new HashSet<>();
      Set<UUID> e2 = new HashSet<>();
      Set<UUID> hidden = new HashSet<>();
      e1.addAll(data.rows(resource, erin, null, 3 * n, at));
      e1.addAll(data.rows(resource, erin, null, 2, later));
      List<UUID> sharedRows = new ArrayList<>(data.rows(resource, eve, shared, 2 * n, at));
      sharedRows.addAll(data.rows(resource, erin, shared, n, later));
      e1.addAll(sharedRows);
      e2.addAll(sharedRows);
      hidden.addAll(data.rows(resource, eve, null, 4 * n, at));
      hidden.addAll(data.rows(resource, eve, eveOnly, 2 * n, later));
      e2.addAll(hidden);
      hidden.addAll(data.rows(resource, oscar, null, 2, at));
      visibleToE1.put(resource, e1);
      visibleToE2.put(resource, e2);
      hiddenFromE1.put(resource, hidden);
      hidden.forEach(id -> forbiddenForE1.add(id.toString()));
    }
    erinCredentials = data.rows("credentials", erin, null, 2, ReferenceData.SAME_INSTANT);
    eveCredentials = data.rows("credentials", eve, null, 2, ReferenceData.SAME_INSTANT);
  }

  @AfterAll
  void stopB() {
    if (work != null) {
      work.close();
    }
  }

  // ---- list, paging and the row cap -----------------------------------------------------------

  @Test
  void list_e1Certificate_anyResourceAndLimit_pagesThroughEveryVisibleRowExactlyOnce() {
    List<Object> limits =
        List.of(
            "absent",
            1,
            3,
            E1_CAP,
            E1_CAP + 1,
            1000,
            Long.MAX_VALUE,
            new BigInteger("100000000000000000000000000000"));
    for (String resource : RESOURCES) {
      for (Object limit : limits) {
        ObjectNode body = JSON.createObjectNode();
        long pageMax = E1_CAP;
        if (limit instanceof Integer l) {
          body.put("limit", l);
          pageMax = Math.min(l, E1_CAP);
        } else if (limit instanceof Long l) {
          body.put("limit", l);
        } else if (limit instanceof BigInteger l) {
          body.put("limit", l);
        }

        List<UUID> ids = pageThrough(asE1, resource, body, pageMax);

        assertThat(ids)
            .as("%s with limit %s", resource, limit)
            .doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(visibleToE1.get(resource));
      }
    }
    assertThat(visibleToE1.get("tasks")).hasSizeGreaterThan(3 * E1_CAP);
  }

  @Test
  void list_e1Certificate_withUpdatedSince_neverYieldsAHiddenRow() {
    for (String resource : RESOURCES) {
      ObjectNode past = JSON.createObjectNode().put("updatedSince", "2000-01-01T00:00:00Z");
      ObjectNode future = JSON.createObjectNode().put("updatedSince", "2100-01-01T00:00:00Z");

      assertThat(pageThrough(asE1, resource, past, E1_CAP))
          .containsExactlyInAnyOrderElementsOf(visibleToE1.get(resource));
      assertThat(pageThrough(asE1, resource, future, E1_CAP)).isEmpty();
    }
  }

  @Test
  void list_e2Certificate_seesItsOwnRowsAndTheSharedTeam_theControlOfTheE1Cases() {
    for (String resource : RESOURCES) {
      List<UUID> ids = pageThrough(asE2, resource, JSON.createObjectNode(), E2_CAP);

      assertThat(ids)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(visibleToE2.get(resource));
    }
  }

  @Test
  void list_underConcurrentRequestsOfBothGrants_eachSeesExactlyItsOwnRows() throws Exception {
    List<Future<List<UUID>>> e1Runs = new ArrayList<>();
    List<Future<List<UUID>>> e2Runs = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 4; i++) {
        e1Runs.add(pool.submit(() -> pageThrough(asE1, "tasks", limit(3), 3)));
        e2Runs.add(pool.submit(() -> pageThrough(asE2, "tasks", limit(5), 5)));
      }
    }
    for (Future<List<UUID>> run : e1Runs) {
      assertThat(run.get()).containsExactlyInAnyOrderElementsOf(visibleToE1.get("tasks"));
    }
    for (Future<List<UUID>> run : e2Runs) {
      assertThat(run.get()).containsExactlyInAnyOrderElementsOf(visibleToE2.get("tasks"));
    }
  }

  // ---- get ------------------------------------------------------------------------------------

  @Test
  void get_e1Certificate_rowThatExistsButIsNotVisible_answersExactlyLikeAMissingId() {
    for (String resource : RESOURCES) {
      String missing = UUID.randomUUID().toString();
      HttpReply absent = asE1.get(resource, missing);
      assertThat(absent.status()).as("%s", absent).isEqualTo(404);
      assertThat(absent.errorCode()).isEqualTo("not_found");
      JsonNode absentError = withoutId(absent, missing);

      for (UUID hidden : hiddenFromE1.get(resource)) {
        HttpReply reply = asE1.get(resource, hidden.toString());

        assertThat(reply.status()).as("%s %s: %s", resource, hidden, reply).isEqualTo(404);
        assertThat(withoutId(reply, hidden.toString())).isEqualTo(absentError);
        assertNoForbiddenData(reply);
      }
    }
  }

  @Test
  void get_e1Certificate_visibleRow_isServed_theControlOfThe404s() {
    for (String resource : RESOURCES) {
      for (UUID visible : visibleToE1.get(resource)) {
        HttpReply reply = asE1.get(resource, visible.toString());

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().at("/item/id").asText()).isEqualTo(visible.toString());
        assertNoForbiddenData(reply);
      }
    }
  }

  @Test
  void capabilities_e1Certificate_describesE1sGrantOnly() {
    HttpReply reply = asE1.capabilities();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().get("grantId").asText()).isEqualTo(g1);
    assertThat(reply.json().get("maxRowsPerQuery").asInt()).isEqualTo(E1_CAP);
    assertThat(reply.text()).doesNotContain(g2, eve.toString());
  }

  // ---- cursors --------------------------------------------------------------------------------

  @Test
  void list_e1WithACursorFromE2sAnswer_is400_andServesNothing() {
    String e2Cursor = firstCursor(asE2, "tasks");

    assertInvalidCursor(asE1.list("tasks", cursorBody(e2Cursor)));
  }

  @Test
  void list_wellFormedCursorWithAForgedMac_is400_andServesNothing() {
    byte[] cursor = Base64.getUrlDecoder().decode(firstCursor(asE1, "tasks"));
    byte[] forgedMac = cursor.clone();
    forgedMac[forgedMac.length - 1] ^= 0x01;
    byte[] movedPosition = cursor.clone();
    movedPosition[cursor.length / 3] ^= 0x01; // inside the position; the MAC left as it was

    for (byte[] forged : List.of(forgedMac, movedPosition)) {
      String text = Base64.getUrlEncoder().withoutPadding().encodeToString(forged);
      assertInvalidCursor(asE1.list("tasks", cursorBody(text)));
    }
  }

  @Test
  void list_cursorMintedForAnotherResourceOrFilter_is400_andServesNothing() {
    String tasksCursor = firstCursor(asE1, "tasks");

    assertInvalidCursor(asE1.list("notes", cursorBody(tasksCursor)));
    assertInvalidCursor(
        asE1.list(
            "tasks",
            JSON.createObjectNode()
                .put("cursor", tasksCursor)
                .put("updatedSince", "2000-01-01T00:00:00Z")
                .toString()));
  }

  // ---- credentials ----------------------------------------------------------------------------

  @Test
  void credentials_listedInTheScope_areNeverServed() {
    HttpReply list = asE1.list("credentials", "{}");
    HttpReply get = asE1.get("credentials", erinCredentials.getFirst().toString());
    HttpReply capabilities = asE1.capabilities();

    for (HttpReply reply : List.of(list, get)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(403);
      assertThat(reply.errorCode()).isEqualTo("scope_violation");
      assertThat(reply.text()).doesNotContain("secret-", "\"items\"", "\"item\"");
    }
    assertThat(capabilities.json().get("resources"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("tasks", "notes", "memory");
    assertThat(capabilities.json().get("excludedResources"))
        .extracting(JsonNode::asText)
        .contains("credentials");
  }

  @Test
  void credentials_excludedByTheScope_are403ScopeViolation() {
    HttpReply list = asE2.list("credentials", "{}");
    HttpReply get = asE2.get("credentials", eveCredentials.getFirst().toString());

    for (HttpReply reply : List.of(list, get)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(403);
      assertThat(reply.errorCode()).isEqualTo("scope_violation");
      assertThat(reply.text()).doesNotContain("secret-", "\"items\"", "\"item\"");
    }
  }

  // ---- audit ----------------------------------------------------------------------------------

  @Test
  void audit_eachRequestLeavesExactlyOneRowWithItsOutcome() {
    HttpReply allowed = asE1.list("tasks", "{\"limit\": 5}");
    HttpReply scopeViolation = asE2.list("credentials", "{}");
    HttpReply notFound = asE1.get("notes", hiddenFromE1.get("notes").iterator().next().toString());
    HttpReply invalid = asE1.list("tasks", cursorBody("not-a-cursor"));

    assertAudit(allowed, "list", "allowed", 200, g1, erin, "tasks");
    assertThat(work.database().auditOf(allowed.requestId()).getFirst().get("rows_out"))
        .isEqualTo(5L);
    assertThat(work.database().auditOf(allowed.requestId()).getFirst().get("cert_fingerprint"))
        .asString()
        .endsWith(IssuedCertificates.fingerprint(e1Identity.certificate()));
    assertAudit(scopeViolation, "list", "denied", 403, g2, eve, "credentials");
    assertAudit(notFound, "get", "not_found", 404, g1, erin, "notes");
    assertAudit(invalid, "list", "invalid", 400, g1, erin, "tasks");
  }

  private void assertAudit(
      HttpReply reply,
      String event,
      String outcome,
      int status,
      String grantId,
      UUID subject,
      String resource) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    assertThat(reply.requestId()).as("X-Request-Id of %s", reply).isNotBlank();
    List<Map<String, Object>> rows = work.database().auditOf(reply.requestId());

    assertThat(rows).as("audit rows of %s", reply).hasSize(1);
    Map<String, Object> row = rows.getFirst();
    assertThat(row.get("event")).isEqualTo(event);
    assertThat(row.get("outcome")).isEqualTo(outcome);
    assertThat(row.get("status_code")).isEqualTo(status);
    assertThat(row.get("grant_id")).isEqualTo(UUID.fromString(grantId));
    assertThat(row.get("subject_user_id")).isEqualTo(subject);
    assertThat(row.get("resource")).isEqualTo(resource);
    assertThat(row.get("query_hash")).asString().isNotBlank();
  }

  // ---- helpers --------------------------------------------------------------------------------

  /**
   * Lists {@code resource} from the first page to the last, each page of at most {@code pageMax}
   * items and free of rows E1 may not see (when asked as E1); returns every id in order.
   */
  private List<UUID> pageThrough(PeerClient client, String resource, ObjectNode first, long max) {
    List<UUID> ids = new ArrayList<>();
    ObjectNode body = first.deepCopy();
    for (int page = 0; page < 200; page++) {
      HttpReply reply = client.list(resource, body.toString());
      assertThat(reply.status()).as("%s page %d: %s", resource, page, reply).isEqualTo(200);
      if (client == asE1) {
        assertNoForbiddenData(reply);
      }
      JsonNode items = reply.json().get("items");
      assertThat(items.size()).as("page %d of %s", page, resource).isLessThanOrEqualTo((int) max);
      items.forEach(item -> ids.add(UUID.fromString(item.get("id").asText())));
      JsonNode next = reply.json().get("nextCursor");
      if (next == null || next.isNull()) {
        return ids;
      }
      assertThat(items.size()).as("a page before the last is full").isEqualTo((int) max);
      body.put("cursor", next.asText());
    }
    throw new AssertionError("paging " + resource + " did not end after 200 pages");
  }

  private static ObjectNode limit(int n) {
    return JSON.createObjectNode().put("limit", n);
  }

  private static String cursorBody(String cursor) {
    return JSON.createObjectNode().put("cursor", cursor).toString();
  }

  private static String firstCursor(PeerClient client, String resource) {
    HttpReply reply = client.list(resource, "{\"limit\": 2}");
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    String cursor = reply.json().path("nextCursor").asText();
    assertThat(cursor).as("nextCursor of %s", reply).isNotEmpty();
    return cursor;
  }

  private void assertInvalidCursor(HttpReply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("invalid_request");
    assertThat(reply.json().has("items")).isFalse();
    assertNoForbiddenData(reply);
  }

  private void assertNoForbiddenData(HttpReply reply) {
    assertThat(reply.text()).as("an answer to E1").doesNotContain(forbiddenForE1);
  }

  /** The error without its request id and with the asked id masked. */
  private static JsonNode withoutId(HttpReply reply, String id) {
    try {
      return JSON.readTree(reply.errorWithoutRequestId().toString().replace(id, "<id>"));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
