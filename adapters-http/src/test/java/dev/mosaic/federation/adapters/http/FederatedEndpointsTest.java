package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.in.FederatedRequestContext;
import dev.mosaic.federation.application.port.in.Refusal;
import dev.mosaic.federation.application.port.in.RefuseRequestCommand;
import dev.mosaic.federation.application.port.in.RenewCertificateCommand;
import dev.mosaic.federation.application.port.in.RenewCertificateResult;
import dev.mosaic.federation.application.port.in.ServeCapabilitiesResult;
import dev.mosaic.federation.application.port.in.ServeGetResult;
import dev.mosaic.federation.application.port.in.ServeListCommand;
import dev.mosaic.federation.application.port.in.ServeListResult;
import dev.mosaic.federation.application.port.in.ServeRateLimited;
import dev.mosaic.federation.application.port.in.ServeRefused;
import dev.mosaic.federation.application.port.in.ServeSearchCommand;
import dev.mosaic.federation.application.port.in.ServeSearchResult;
import dev.mosaic.federation.application.port.in.ServeUnavailable;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.scope.RateLimit;
import dev.mosaic.federation.domain.scope.Resource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.tls.HeldCertificate;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The authenticated endpoints over real mTLS with a scripted use case: what reaches the use case
 * (identity, ids, the parsed body), and how every outcome travels back (status, code, body).
 */
class FederatedEndpointsTest {
  private static final String CAPABILITIES = "/api/federation/v1/capabilities";
  private static final String LIST = "/api/federation/v1/list/tasks";
  private static final String GET = "/api/federation/v1/get/tasks/";
  private static final String SEARCH = "/api/federation/v1/search";
  private static final String RENEW = "/api/federation/v1/renew";
  private static final String CSR =
      "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";
  private static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private final Listener listener = new Listener(100, true);
  private final String grantId = UUID.randomUUID().toString();
  private final String subjectId = UUID.randomUUID().toString();
  private final HeldCertificate certificate =
      listener.pki.grantClient("home.example", grantId, subjectId);
  private final OkHttpClient client = listener.client(certificate);

  @AfterEach
  void stop() {
    listener.close();
  }

  private Listener.Reply get(OkHttpClient with, String path) {
    return listener.call(with, new Request.Builder().url(listener.url(path)).build());
  }

  private Listener.Reply post(String path, String json) {
    return post(client, path, "application/json; charset=utf-8", json);
  }

  private Listener.Reply post(OkHttpClient with, String path, String contentType, String body) {
    return listener.call(
        with,
        new Request.Builder()
            .url(listener.url(path))
            .post(
                RequestBody.create(
                    body.getBytes(StandardCharsets.UTF_8),
                    contentType == null ? null : MediaType.get(contentType)))
            .build());
  }

  private static void assertError(Listener.Reply reply, int status, String code) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(reply.error()).containsEntry("code", code);
    assertThat(reply.error()).containsEntry("requestId", reply.header("X-Request-Id"));
    assertThat(reply.json()).containsOnlyKeys("error");
  }

  private String message(Listener.Reply reply) {
    return (String) reply.error().get("message");
  }

  // --- what reaches the use case ---

  @Test
  void capabilities_identityIdsAndTrace_reachTheUseCase() throws Exception {
    UUID requestId = UUID.randomUUID();

    listener.call(
        client,
        new Request.Builder()
            .url(listener.url(CAPABILITIES))
            .header("X-Request-Id", requestId.toString())
            .header("traceparent", TRACE)
            .build());

    FederatedRequestContext context = listener.serve.capabilitiesCalls().get(0);
    assertThat(context.identity().grantIdExtension()).contains(grantId);
    assertThat(context.identity().subjectUserIdExtension()).contains(subjectId);
    assertThat(context.identity().fingerprint())
        .isEqualTo(CertificateFingerprint.of(certificate.certificate().getEncoded()));
    assertThat(context.requestId().toString()).isEqualTo(requestId.toString());
    assertThat(context.traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(listener.certificateReader.read()).containsExactly(certificate.certificatePem());
  }

  @Test
  void identity_certificateWithoutExtensions_reachesTheUseCaseEmpty() {
    OkHttpClient bare = listener.client(listener.pki.client("home.example"));
    listener.serve.answerCapabilities(new ServeRefused(Refusal.UNAUTHORIZED, "no extensions"));

    Listener.Reply reply = get(bare, CAPABILITIES);

    assertError(reply, 401, "unauthorized");
    FederatedRequestContext context = listener.serve.capabilitiesCalls().get(0);
    assertThat(context.identity().grantIdExtension()).isEmpty();
    assertThat(context.identity().subjectUserIdExtension()).isEmpty();
    assertThat(context.traceId()).isEmpty();
  }

  @Test
  void identity_malformedExtensions_reachTheUseCaseEmpty() {
    OkHttpClient malformed =
        listener.client(
            listener.pki.clientWith(
                "home.example",
                Map.of(
                    TestPki.GRANT_OID, new ASN1Integer(42),
                    TestPki.SUBJECT_OID, new DERUTF8String(subjectId.replace("-", "")))));

    get(malformed, CAPABILITIES);

    FederatedRequestContext context = listener.serve.capabilitiesCalls().get(0);
    assertThat(context.identity().grantIdExtension()).isEmpty();
    assertThat(context.identity().subjectUserIdExtension()).isEmpty();
  }

  @Test
  void list_fullBody_reachesTheUseCaseAsSent() {
    post(LIST, "{\"limit\":25,\"cursor\":\"abc\",\"updatedSince\":\"2030-01-01T00:00:00Z\"}");

    ServeListCommand command = listener.serve.listCalls().get(0);
    assertThat(command.resource()).isEqualTo("tasks");
    assertThat(command.limit()).isEqualTo(OptionalLong.of(25));
    assertThat(command.cursor()).contains("abc");
    assertThat(command.updatedSince()).contains("2030-01-01T00:00:00Z");
    assertThat(command.context().identity().grantIdExtension()).contains(grantId);
  }

  @Test
  void list_emptyObject_reachesTheUseCaseWithNothingSet() {
    post(LIST, "{}");

    ServeListCommand command = listener.serve.listCalls().get(0);
    assertThat(command.limit()).isEmpty();
    assertThat(command.cursor()).isEmpty();
    assertThat(command.updatedSince()).isEmpty();
  }

  @Test
  void list_limitBeyondTheLongRange_reachesTheUseCaseSaturated() {
    post(LIST, "{\"limit\":123456789012345678901234567890}");
    post(LIST, "{\"limit\":-123456789012345678901234567890}");
    post(LIST, "{\"limit\":0}");

    assertThat(listener.serve.listCalls())
        .extracting(ServeListCommand::limit)
        .containsExactly(
            OptionalLong.of(Long.MAX_VALUE), OptionalLong.of(Long.MIN_VALUE), OptionalLong.of(0));
  }

  @Test
  void get_pathSegments_reachTheUseCaseUnchecked() {
    post(GET + "not-a-uuid", "{}");

    assertThat(listener.serve.getCalls().get(0).resource()).isEqualTo("tasks");
    assertThat(listener.serve.getCalls().get(0).id()).isEqualTo("not-a-uuid");
  }

  // --- how each outcome travels back ---

  @Test
  void capabilities_served_is200WithTheDocument() {
    UUID grant = UUID.randomUUID();
    listener.serve.answerCapabilities(
        new ServeCapabilitiesResult.Served(
            new GrantId(grant),
            Set.of(Resource.TASKS, Resource.NOTES),
            Set.of(Resource.CREDENTIALS),
            50,
            List.of("capabilities", "list", "get"),
            new RateLimit(120, 20),
            Instant.parse("2030-01-07T09:00:00Z")));

    Listener.Reply reply = get(client, CAPABILITIES);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json())
        .containsEntry("grantId", grant.toString())
        .containsEntry("resources", List.of("tasks", "notes"))
        .containsEntry("excludedResources", List.of("credentials"))
        .containsEntry("maxRowsPerQuery", 50)
        .containsEntry("verbs", List.of("capabilities", "list", "get"))
        .containsEntry("rateLimit", Map.of("requestsPerMinute", 120, "burst", 20))
        .containsEntry("serverTime", "2030-01-07T09:00:00Z");
  }

  @Test
  void list_listed_is200WithItemsAndNextCursor() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", UUID.randomUUID().toString());
    row.put("title", "t");
    listener.serve.answerList(new ServeListResult.Listed(List.of(row), Optional.of("next-page")));

    Listener.Reply reply = post(LIST, "{}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json()).containsEntry("items", List.of(row));
    assertThat(reply.json()).containsEntry("nextCursor", "next-page");
  }

  @Test
  void list_lastPage_hasNoNextCursor() {
    Listener.Reply reply = post(LIST, "{}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json()).containsOnlyKeys("items");
  }

  @Test
  void get_found_is200WithTheItem() {
    Map<String, Object> row = Map.of("id", "x", "title", "t");
    listener.serve.answerGet(new ServeGetResult.Found(row));

    Listener.Reply reply = post(GET + UUID.randomUUID(), "{}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json()).isEqualTo(Map.of("item", row));
  }

  @Test
  void get_notFound_is404NotFound() {
    Listener.Reply reply = post(GET + UUID.randomUUID(), "{}");

    assertError(reply, 404, "not_found");
    assertThat(message(reply)).isEqualTo(ServeGetResult.NotFound.MESSAGE);
  }

  @Test
  void everyVerb_eachRefusal_isItsStatusCodeAndMessage() {
    for (Refusal refusal : Refusal.values()) {
      ServeRefused refused = new ServeRefused(refusal, "refused as " + refusal);
      listener.serve.answerCapabilities(refused);
      listener.serve.answerList(refused);
      listener.serve.answerGet(refused);

      for (Listener.Reply reply :
          List.of(
              get(client, CAPABILITIES), post(LIST, "{}"), post(GET + UUID.randomUUID(), "{}"))) {
        assertError(reply, refusal.statusCode(), refusal.errorCode());
        assertThat(message(reply)).isEqualTo("refused as " + refusal);
      }
    }
  }

  @Test
  void list_rateLimited_is429WithRetryAfterAndRetryAfterMs() {
    listener.serve.answerList(new ServeRateLimited(Duration.ofMillis(2_300)));

    Listener.Reply reply = post(LIST, "{}");

    assertError(reply, 429, "rate_limited");
    assertThat(reply.header("Retry-After")).isEqualTo("3");
    assertThat(reply.error()).containsEntry("retryAfterMs", 2300);
  }

  @Test
  void get_unavailable_is503WithRetryAfter() {
    listener.serve.answerGet(new ServeUnavailable(ServeUnavailable.MESSAGE));

    Listener.Reply reply = post(GET + UUID.randomUUID(), "{}");

    assertError(reply, 503, "unavailable");
    assertThat(message(reply)).isEqualTo(ServeUnavailable.MESSAGE);
    assertThat(reply.header("Retry-After")).isEqualTo("5");
  }

  @Test
  void capabilities_useCaseCrashes_is500WithoutItsMessage() {
    listener.serve.crashWith(new IllegalStateException("SELECT secret FROM grants"));

    Listener.Reply reply = get(client, CAPABILITIES);

    assertError(reply, 500, "internal");
    assertThat(reply.text()).doesNotContain("SELECT", "IllegalStateException");
  }

  // --- the negative matrix at the wire: refused before the use case ---

  @Test
  void list_limitNotAnInteger_is400NamingTheField() {
    for (String limit : List.of("1.5", "\"5\"", "true", "1e3", "[1]")) {
      Listener.Reply reply = post(LIST, "{\"limit\":" + limit + "}");

      assertError(reply, 400, "invalid_request");
      assertThat(message(reply)).isEqualTo("field 'limit' must be an integer");
    }
    assertThat(listener.serve.calls()).isZero();
  }

  @Test
  void list_unknownField_is400NamingIt() {
    Listener.Reply reply = post(LIST, "{\"limit\":5,\"subjectUserId\":\"x\"}");

    assertError(reply, 400, "invalid_request");
    assertThat(message(reply)).isEqualTo("unknown field 'subjectUserId'");
    assertThat(listener.serve.calls()).isZero();
  }

  @Test
  void list_cursorNotAString_is400NamingTheField() {
    Listener.Reply reply = post(LIST, "{\"cursor\":{\"position\":1}}");

    assertError(reply, 400, "invalid_request");
    assertThat(message(reply)).isEqualTo("field 'cursor' must be a string");
  }

  @Test
  void list_malformedJson_is400() {
    Listener.Reply reply = post(LIST, "{\"limit\":");

    assertError(reply, 400, "invalid_request");
    assertThat(message(reply)).startsWith("malformed JSON");
    assertThat(listener.serve.calls()).isZero();
  }

  @Test
  void list_noBody_is400() {
    assertError(post(LIST, ""), 400, "invalid_request");
    assertThat(listener.serve.calls()).isZero();
  }

  @Test
  void list_wrongContentType_is400() {
    Listener.Reply reply = post(client, LIST, "text/plain", "{}");

    assertError(reply, 400, "invalid_request");
    assertThat(listener.serve.calls()).isZero();
  }

  @Test
  void list_bodyOver64KiB_is413() {
    char[] padding = new char[64 * 1024];
    Arrays.fill(padding, 'a');

    Listener.Reply reply = post(LIST, "{\"cursor\":\"" + new String(padding) + "\"}");

    assertError(reply, 413, "payload_too_large");
    assertThat(listener.serve.calls()).isZero();
  }

  @Test
  void get_nonEmptyBody_is400NamingTheField() {
    Listener.Reply reply = post(GET + UUID.randomUUID(), "{\"fields\":[\"secret\"]}");

    assertError(reply, 400, "invalid_request");
    assertThat(message(reply)).isEqualTo("unknown field 'fields'");
    assertThat(listener.serve.calls()).isZero();
  }

  @Test
  void wrongMethod_onEachRoute_is405WithAllow() {
    Listener.Reply getList = get(client, LIST);
    Listener.Reply postCapabilities = post(CAPABILITIES, "{}");
    Listener.Reply getGet = get(client, GET + UUID.randomUUID());

    assertError(getList, 405, "method_not_allowed");
    assertThat(getList.header("Allow")).isEqualTo("POST");
    assertError(postCapabilities, 405, "method_not_allowed");
    assertThat(postCapabilities.header("Allow")).isEqualTo("GET");
    assertError(getGet, 405, "method_not_allowed");
    assertThat(listener.serve.calls()).isZero();
  }

  @Test
  void search_fullBody_reachesTheUseCaseAsSent() {
    post(
        SEARCH,
        "{\"query\":\"zebra\",\"resources\":[\"tasks\"],\"limit\":5,\"embedding\":[0.5,1]}");

    ServeSearchCommand command = listener.serve.searchCalls().get(0);
    assertThat(command.query()).isEqualTo("zebra");
    assertThat(command.resources()).contains(List.of("tasks"));
    assertThat(command.limit()).isEqualTo(OptionalLong.of(5));
    assertThat(command.embedding()).contains(List.of(0.5, 1.0));
  }

  @Test
  void search_found_is200WithHitsAndPartialErrors() {
    Map<String, Object> hit =
        Map.of("resource", "tasks", "id", "x", "score", 1.5, "item", Map.of());
    listener.serve.answerSearch(
        new ServeSearchResult.Found(
            List.of(hit), List.of(new ServeSearchResult.ResourceError("notes", "unavailable"))));

    Listener.Reply reply = post(SEARCH, "{\"query\":\"zebra\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json())
        .containsEntry("hits", List.of(hit))
        .containsEntry("partial", true)
        .containsEntry("errors", List.of(Map.of("resource", "notes", "code", "unavailable")));
  }

  @Test
  void search_badBodies_are400AndNeverReachTheUseCase() {
    assertError(post(SEARCH, "{}"), 400, "invalid_request");
    assertError(post(SEARCH, "{\"query\":5}"), 400, "invalid_request");
    assertError(post(SEARCH, "{\"query\":\"x\",\"other\":1}"), 400, "invalid_request");
    assertError(post(SEARCH, "{\"query\":\"x\",\"embedding\":[\"a\"]}"), 400, "invalid_request");
    assertError(post(SEARCH, "{\"query\":\"x\",\"resources\":[null]}"), 400, "invalid_request");

    assertThat(listener.serve.searchCalls()).isEmpty();
    assertThat(listener.serve.refusals())
        .hasSize(5)
        .allSatisfy(r -> assertThat(r.event()).isEqualTo("search"));
  }

  @Test
  void unknownPath_is404() {
    assertError(post("/api/federation/v1/renew/extra", "{\"csr\":\"x\"}"), 404, "not_found");
    assertError(post("/api/federation/v1/list/tasks/extra", "{}"), 404, "not_found");
  }

  @Test
  void everyRoute_withoutClientCertificate_is401BeforeTheUseCase() {
    OkHttpClient anonymous = listener.client(null);

    assertError(get(anonymous, CAPABILITIES), 401, "unauthorized");
    assertError(post(anonymous, LIST, "application/json", "{}"), 401, "unauthorized");
    assertError(
        post(anonymous, GET + UUID.randomUUID(), "application/json", "{}"), 401, "unauthorized");
    assertError(post(anonymous, RENEW, "application/json", csrBody()), 401, "unauthorized");
    assertThat(listener.serve.calls()).isZero();
    assertThat(listener.renewal.calls()).isEmpty();
    assertThat(listener.certificateReader.read()).isEmpty();
  }

  // --- refusals of the wire rules are audited by the use case ---

  @Test
  void wireRefusals_onV1_areEachToldToTheUseCaseWithTheCertificatesIdentity() throws Exception {
    List<Listener.Reply> replies =
        List.of(
            get(client, LIST),
            post(client, LIST, "text/plain; charset=utf-8", "{}"),
            post(LIST, "{\"limit\": "),
            post(LIST, "{\"limit\": 1, \"subjectUserId\": \"someone\"}"),
            post(LIST, "{\"limit\": 1.5}"),
            post(LIST, "{\"cursor\": \"" + "a".repeat(64 * 1024) + "\"}"),
            post("/api/federation/v1/search", "{\"limit\": 1}"),
            post("/api/federation/v1/nope/tasks", "{}"));

    assertThat(replies)
        .extracting(Listener.Reply::status)
        .containsExactly(405, 400, 400, 400, 400, 413, 400, 404);
    List<RefuseRequestCommand> told = listener.serve.refusals();
    assertThat(told)
        .extracting(RefuseRequestCommand::refusal)
        .containsExactly(
            Refusal.METHOD_NOT_ALLOWED,
            Refusal.INVALID_REQUEST,
            Refusal.INVALID_REQUEST,
            Refusal.INVALID_REQUEST,
            Refusal.INVALID_REQUEST,
            Refusal.PAYLOAD_TOO_LARGE,
            Refusal.INVALID_REQUEST,
            Refusal.NOT_FOUND);
    assertThat(told)
        .extracting(RefuseRequestCommand::event)
        .containsExactly("list", "list", "list", "list", "list", "list", "search", "unknown");
    assertThat(told.get(0).resource()).contains("tasks");
    assertThat(told.get(6).resource()).isEmpty();
    assertThat(told.get(7).resource()).isEmpty();
    for (int i = 0; i < told.size(); i++) {
      RefuseRequestCommand command = told.get(i);
      assertThat(command.requestId().toString()).isEqualTo(replies.get(i).header("X-Request-Id"));
      assertThat(command.message()).isEqualTo(message(replies.get(i)));
      assertThat(command.identity()).isPresent();
      assertThat(command.identity().get().grantIdExtension()).contains(grantId);
      assertThat(command.identity().get().fingerprint())
          .isEqualTo(CertificateFingerprint.of(certificate.certificate().getEncoded()));
    }
    assertThat(listener.serve.calls()).isZero();
  }

  @Test
  void wireRefusal_onV1_keepsItsAnswerOnceAudited() {
    Listener.Reply reply = get(client, LIST);

    assertError(reply, 405, "method_not_allowed");
    assertThat(reply.header("Allow")).isEqualTo("POST");
  }

  @Test
  void wireRefusal_auditStoreDown_is503Instead() {
    listener.serve.auditDown();

    Listener.Reply reply = post(LIST, "{\"limit\": ");

    assertError(reply, 503, "unavailable");
    assertThat(reply.header("Retry-After")).isNotBlank();
    assertThat(listener.serve.refusals()).hasSize(1);
  }

  @Test
  void bodyOver64KiB_closesTheConnection() {
    Listener.Reply reply = post(LIST, "{\"cursor\": \"" + "a".repeat(64 * 1024) + "\"}");

    assertError(reply, 413, "payload_too_large");
    assertThat(reply.header("Connection")).isEqualToIgnoringCase("close");
  }

  @Test
  void useCaseOutcomes_areNotToldAgainAsWireRefusals() {
    listener.serve.answerList(new ServeRefused(Refusal.INVALID_REQUEST, "unknown resource"));

    assertError(post(LIST, "{}"), 400, "invalid_request");
    assertError(post(GET + UUID.randomUUID(), "{}"), 404, "not_found");
    assertError(get(client, CAPABILITIES), 403, "forbidden");
    assertThat(listener.serve.calls()).isEqualTo(3);
    assertThat(listener.serve.refusals()).isEmpty();
  }

  @Test
  void withoutClientCertificate_the401IsToldToTheUseCaseWithoutIdentity() {
    OkHttpClient anonymous = listener.client(null);

    Listener.Reply reply = post(anonymous, LIST, "application/json", "{}");

    assertError(reply, 401, "unauthorized");
    assertThat(listener.serve.refusals())
        .singleElement()
        .satisfies(
            command -> {
              assertThat(command.identity()).isEmpty();
              assertThat(command.refusal()).isEqualTo(Refusal.UNAUTHORIZED);
              assertThat(command.event()).isEqualTo("list");
              assertThat(command.resource()).contains("tasks");
            });
  }

  // --- renew ---

  private static String csrBody() {
    return new String(Json.write(Map.of("csr", CSR)), StandardCharsets.UTF_8);
  }

  @Test
  void renew_csrAndIdentity_reachTheUseCase_andTheCertificateComesBack() throws Exception {
    listener.renewal.answer(
        new RenewCertificateResult.Renewed("CERT-PEM", List.of("INTERMEDIATE-PEM")));

    Listener.Reply reply = post(RENEW, csrBody());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json())
        .containsOnlyKeys("certificate", "chain")
        .containsEntry("certificate", "CERT-PEM")
        .containsEntry("chain", List.of("INTERMEDIATE-PEM"));
    RenewCertificateCommand command = listener.renewal.calls().getFirst();
    assertThat(command.csr().pem()).isEqualTo(CSR);
    assertThat(command.context().identity().grantIdExtension()).contains(grantId);
    assertThat(command.context().identity().fingerprint())
        .isEqualTo(CertificateFingerprint.of(certificate.certificate().getEncoded()));
    assertThat(command.context().requestId().toString()).isEqualTo(reply.header("X-Request-Id"));
  }

  @Test
  void renew_withoutCsr_is400NamingCsr_auditedAsARenewRefusal() {
    for (String body : List.of("{}", "{\"csr\":\"  \"}", "{\"csr\":null}")) {
      Listener.Reply reply = post(RENEW, body);

      assertError(reply, 400, "invalid_request");
      assertThat(message(reply)).contains("csr");
    }
    assertThat(listener.renewal.calls()).isEmpty();
    assertThat(listener.serve.refusals())
        .hasSize(3)
        .allSatisfy(refusal -> assertThat(refusal.event()).isEqualTo("renew"));
  }

  @Test
  void renew_unknownField_is400() {
    assertError(post(RENEW, "{\"csr\":\"x\",\"cn\":\"evil\"}"), 400, "invalid_request");
    assertThat(listener.renewal.calls()).isEmpty();
  }

  @Test
  void renew_outcomes_travelAsTheirErrors() {
    listener.renewal.answer(new ServeRefused(Refusal.GRANT_REVOKED, "the grant has been revoked"));
    assertError(post(RENEW, csrBody()), 403, "grant_revoked");

    listener.renewal.answer(new ServeRefused(Refusal.INVALID_REQUEST, "csr: too weak"));
    Listener.Reply invalid = post(RENEW, csrBody());
    assertError(invalid, 400, "invalid_request");
    assertThat(message(invalid)).isEqualTo("csr: too weak");

    listener.renewal.answer(new ServeUnavailable(ServeUnavailable.MESSAGE));
    Listener.Reply unavailable = post(RENEW, csrBody());
    assertError(unavailable, 503, "unavailable");
    assertThat(unavailable.header("Retry-After")).isEqualTo("5");
  }

  @Test
  void renew_get_is405() {
    Listener.Reply reply = get(client, RENEW);

    assertError(reply, 405, "method_not_allowed");
    assertThat(listener.renewal.calls()).isEmpty();
  }
}
