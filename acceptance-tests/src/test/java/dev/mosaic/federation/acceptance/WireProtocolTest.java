package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The negative matrix of SPEC §9 on B's {@code /api/federation/v1}, one case per test, each sent
 * over real mTLS with the certificate B issued for a grant (except the one without a certificate):
 * the answer has the SPEC's status and error code, an {@code X-Request-Id}, and no data; a request
 * that presented its certificate leaves exactly one audit row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireProtocolTest {
  static final String PEER = "home.example";
  static final int CAP = 10;

  @TempDir static Path dir;

  Gateway work;
  String grantId;
  List<UUID> tasks;
  ClientIdentity identity;
  PeerClient client;

  @BeforeAll
  void bWithAnEnrolledGrant() {
    work = Gateway.named("work.example").host("127.0.0.2").dir(dir.resolve("work")).build();
    work.ok("gateway", "migrate");
    CompletableFuture<MosaicProcess> serving = CompletableFuture.supplyAsync(work::serve);
    ReferenceData data = new ReferenceData(work.database());
    UUID nina = data.user("nina");
    tasks = data.rows("tasks", nina, null, CAP + 2, ReferenceData.SAME_INSTANT);
    grantId =
        work.createGrant(
            "nina",
            PEER,
            "{\"resources\": [\"tasks\", \"notes\"], \"max_rows_per_query\": "
                + CAP
                + ", \"rate_limit\": {\"requests_per_minute\": 60000, \"burst\": 10000}}");
    serving.join();
    identity = ClientIdentity.enroll(work, grantId, PEER);
    client = PeerClient.of(work, identity);
  }

  @AfterAll
  void stopB() {
    if (work != null) {
      work.close();
    }
  }

  @Test
  void wellFormedList_isServed_theControlOfTheMatrix() {
    HttpReply reply = client.list("tasks", "{\"limit\": 2}");

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.json().get("items")).hasSize(2);
    assertThat(reply.requestId()).isNotBlank();
    assertAudited(reply, "allowed");
    assertThat(work.database().auditOf(reply.requestId()).getFirst().get("grant_id"))
        .isEqualTo(UUID.fromString(grantId));
  }

  @Test
  void unknownResource_is400InvalidRequest() {
    assertRefused(client.list("widgets", "{}"), 400, "invalid_request");
  }

  @Test
  void nonUuidId_is400InvalidRequest() {
    assertRefused(client.get("tasks", "not-a-uuid"), 400, "invalid_request");
  }

  @Test
  void limitZero_is400InvalidRequest() {
    assertRefused(client.list("tasks", "{\"limit\": 0}"), 400, "invalid_request");
  }

  @Test
  void limitNegative_is400InvalidRequest() {
    assertRefused(client.list("tasks", "{\"limit\": -5}"), 400, "invalid_request");
  }

  @Test
  void limitNotAnInteger_is400InvalidRequest() {
    assertRefused(client.list("tasks", "{\"limit\": 1.5}"), 400, "invalid_request");
  }

  @Test
  void limitHuge_isClampedToTheGrantsRowCap() {
    HttpReply reply = client.list("tasks", "{\"limit\": 100000000000000000000000000000}");

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().get("items")).hasSize(CAP);
    assertThat(reply.json().path("nextCursor").asText()).isNotEmpty();
    assertAudited(reply, "allowed");
  }

  @Test
  void forgedCursor_is400InvalidRequest() {
    String forged =
        "AQAAAABn0ZQwAAAAAH8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    assertRefused(client.list("tasks", "{\"cursor\": \"" + forged + "\"}"), 400, "invalid_request");
  }

  @Test
  void bodyOver64KiB_is413PayloadTooLarge() {
    String body = "{\"cursor\": \"" + "a".repeat(64 * 1024) + "\"}";
    // Its own client: B may close the connection after refusing a body it did not read, and a
    // stale pooled connection must not fail the other cases.
    PeerClient ownConnections = PeerClient.of(work, identity);

    assertRefused(ownConnections.list("tasks", body), 413, "payload_too_large");
  }

  @Test
  void wrongContentType_is400InvalidRequest() {
    HttpReply reply =
        client.call(
            "POST", PeerClient.V1 + "/list/tasks", "text/plain; charset=utf-8", "{}", Map.of());

    assertRefused(reply, 400, "invalid_request");
  }

  @Test
  void malformedJson_is400InvalidRequest() {
    assertRefused(client.list("tasks", "{\"limit\": "), 400, "invalid_request");
  }

  @Test
  void unknownJsonField_is400InvalidRequest() {
    assertRefused(
        client.list("tasks", "{\"limit\": 1, \"subjectUserId\": \"someone\"}"),
        400,
        "invalid_request");
  }

  @Test
  void wrongMethod_is405MethodNotAllowed() {
    HttpReply reply = client.call("GET", PeerClient.V1 + "/list/tasks", null, null, Map.of());

    assertRefused(reply, 405, "method_not_allowed");
  }

  @Test
  void missingClientCertificate_is401Unauthorized() {
    PeerClient anonymous = PeerClient.anonymous(work);

    for (HttpReply reply :
        List.of(
            anonymous.list("tasks", "{}"),
            anonymous.capabilities(),
            anonymous.get("tasks", tasks.getFirst().toString()))) {
      assertNoData(reply, 401, "unauthorized");
    }
  }

  @Test
  void traceparent_isAccepted_andItsTraceIdRecordedInTheAudit() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    HttpReply reply =
        client.call(
            "POST",
            PeerClient.V1 + "/list/tasks",
            PeerClient.APPLICATION_JSON,
            "{\"limit\": 1}",
            Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(work.database().auditOf(reply.requestId()))
        .singleElement()
        .satisfies(row -> assertThat(row.get("trace_id")).isEqualTo(traceId));
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** The SPEC's status and code, no data, and one audit row of outcome {@code invalid}. */
  private void assertRefused(HttpReply reply, int status, String code) {
    assertNoData(reply, status, code);
    assertAudited(reply, "invalid");
  }

  private void assertNoData(HttpReply reply, int status, String code) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    assertThat(reply.errorCode()).as("%s", reply).isEqualTo(code);
    assertThat(reply.requestId()).as("X-Request-Id of %s", reply).isNotBlank();
    assertThat(reply.json().path("error").path("requestId").asText()).isEqualTo(reply.requestId());
    assertThat(reply.json().has("items")).isFalse();
    assertThat(reply.json().has("item")).isFalse();
    assertThat(reply.text()).doesNotContain(tasks.stream().map(UUID::toString).toList());
  }

  private void assertAudited(HttpReply reply, String outcome) {
    List<Map<String, Object>> rows = work.database().auditOf(reply.requestId());

    assertThat(rows).as("audit rows of %s", reply).hasSize(1);
    assertThat(rows.getFirst().get("outcome")).isEqualTo(outcome);
    assertThat(rows.getFirst().get("status_code")).isEqualTo(reply.status());
  }
}
