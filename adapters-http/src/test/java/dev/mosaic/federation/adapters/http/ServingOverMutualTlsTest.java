package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.service.ServeFederatedRequestService;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.fixtures.ItemFixtures;
import dev.mosaic.federation.domain.fixtures.ScopeFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantTransition;
import dev.mosaic.federation.domain.pki.PinnedCertificate;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.scope.Scope;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.User;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * B end to end over real mTLS: the federation listener in front of the application's real {@link
 * ServeFederatedRequestService} over the in-memory stores. Employees E1 and E2 of B each hold a
 * grant with its own pinned certificate; E1 is in teams T1 and T2, E2 in T2; an outsider O in
 * neither. Every refusal is checked for "no data".
 */
class ServingOverMutualTlsTest {
  private static final String LIST_TASKS = "/api/federation/v1/list/tasks";
  private static final String GET = "/api/federation/v1/get/";
  private static final String CAPABILITIES = "/api/federation/v1/capabilities";

  private final ServingGateway b = new ServingGateway();
  private final InMemoryStores stores = b.stores;
  private final Listener listener = b.listener;

  private final User e1 = user("e1");
  private final User e2 = user("e2");
  private final User outsider = user("outsider");
  private final TeamId t1 = team("t1", e1);
  private final TeamId t2 = team("t2", e1, e2);

  private final ResourceItem e1Personal = add(ItemFixtures.aTask().ownedBy(e1.id()));
  private final ResourceItem e1InT1 = add(ItemFixtures.aTask().ownedBy(e1.id()).inTeam(t1));
  private final ResourceItem e2InT2 = add(ItemFixtures.aTask().ownedBy(e2.id()).inTeam(t2));
  private final ResourceItem e2Personal = add(ItemFixtures.aTask().ownedBy(e2.id()));
  private final ResourceItem outsiderPersonal = add(ItemFixtures.aTask().ownedBy(outsider.id()));
  private final ResourceItem e1Credential = add(ItemFixtures.aCredential().ownedBy(e1.id()));
  private final ResourceItem e2Note = add(ItemFixtures.aNote().ownedBy(e2.id()));

  /** A grant on B and a client presenting its pinned certificate. */
  private record Enrolled(Grant grant, OkHttpClient client) {}

  private final Enrolled e1Grant = enroll(e1, ScopeFixtures.aScope().build());
  private final Enrolled e2Grant = enroll(e2, ScopeFixtures.aScope().build());

  @AfterEach
  void stop() {
    b.close();
  }

  private User user(String handle) {
    return b.user(handle);
  }

  private TeamId team(String name, User... members) {
    return b.team(name, members);
  }

  private ResourceItem add(ItemFixtures.Builder item) {
    return b.add(item);
  }

  private Enrolled enroll(User subject, Scope scope) {
    ServingGateway.Enrolled enrolled = b.enroll(subject, scope);
    return new Enrolled(enrolled.grant(), listener.client(enrolled.certificate()));
  }

  private Listener.Reply post(OkHttpClient client, String path, String json) {
    return post(client, path, "application/json", json);
  }

  private Listener.Reply post(OkHttpClient client, String path, String type, String body) {
    return listener.call(
        client,
        new Request.Builder()
            .url(listener.url(path))
            .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get(type)))
            .build());
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(Listener.Reply reply) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return ((List<Map<String, Object>>) reply.json().get("items"))
        .stream().map(item -> (String) item.get("id")).toList();
  }

  private static String id(ResourceItem item) {
    return item.id().toString();
  }

  /** The refusal's status and code, and nothing but the error envelope: no data. */
  private static void assertRefused(Listener.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    assertThat(reply.json()).containsOnlyKeys("error");
    assertThat(reply.error()).containsEntry("code", code);
  }

  // --- AC-2, AC-3: scope and native access ---

  @Test
  void listTasks_throughE1sGrant_returnsExactlyE1sPersonalAndTeamTasks() {
    assertThat(ids(post(e1Grant.client(), LIST_TASKS, "{}")))
        .containsExactlyInAnyOrder(id(e1Personal), id(e1InT1), id(e2InT2));
  }

  @Test
  void listTasks_scopeLettingInT1Only_omitsE1sT2Tasks() {
    Enrolled t1Only =
        enroll(e1, ScopeFixtures.aScope().filter(Resource.TASKS, true, Set.of(t1)).build());

    assertThat(ids(post(t1Only.client(), LIST_TASKS, "{}")))
        .containsExactlyInAnyOrder(id(e1Personal), id(e1InT1));
  }

  @Test
  void listTasks_scopeWithoutPersonalRows_omitsThem() {
    Enrolled teamsOnly =
        enroll(e1, ScopeFixtures.aScope().filter(Resource.TASKS, false, Set.of(t1, t2)).build());

    assertThat(ids(post(teamsOnly.client(), LIST_TASKS, "{}")))
        .containsExactlyInAnyOrder(id(e1InT1), id(e2InT2));
  }

  @Test
  void listTasks_throughE2sGrant_neverYieldsE1sPersonalRows() {
    assertThat(ids(post(e2Grant.client(), LIST_TASKS, "{}")))
        .containsExactlyInAnyOrder(id(e2Personal), id(e2InT2))
        .doesNotContain(id(e1Personal), id(e1InT1), id(outsiderPersonal));
  }

  @Test
  void get_rowOfAnotherUser_is404IdenticalToAMissingRow() {
    Listener.Reply invisible = post(e1Grant.client(), GET + "tasks/" + id(e2Personal), "{}");
    Listener.Reply missing = post(e1Grant.client(), GET + "tasks/" + UUID.randomUUID(), "{}");

    assertRefused(invisible, 404, "not_found");
    assertThat(withoutRequestId(invisible)).isEqualTo(withoutRequestId(missing));
    assertThat(invisible.text()).doesNotContain(id(e2Personal), e2.id().toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withoutRequestId(Listener.Reply reply) {
    Map<String, Object> error = new HashMap<>((Map<String, Object>) reply.json().get("error"));
    error.remove("requestId");
    return error;
  }

  @Test
  void get_ownVisibleRow_is200WithTheItem() {
    Listener.Reply reply = post(e1Grant.client(), GET + "tasks/" + id(e1InT1), "{}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json()).containsOnlyKeys("item");
    assertThat(reply.json().get("item")).isEqualTo(e1InT1.toWire());
  }

  @Test
  void getCredentials_excludedByTheScope_is403ScopeViolation() {
    assertRefused(
        post(e1Grant.client(), GET + "credentials/" + id(e1Credential), "{}"),
        403,
        "scope_violation");
  }

  @Test
  void listCredentials_evenWhenTheScopeListsThem_is403ScopeViolation() {
    Enrolled greedy =
        enroll(
            e1,
            ScopeFixtures.aScope()
                .resources(Resource.TASKS, Resource.CREDENTIALS)
                .excluding()
                .build());

    assertRefused(
        post(greedy.client(), "/api/federation/v1/list/credentials", "{}"), 403, "scope_violation");
    assertRefused(
        post(greedy.client(), GET + "credentials/" + id(e1Credential), "{}"),
        403,
        "scope_violation");
  }

  @Test
  @SuppressWarnings("unchecked")
  void search_credentialKeyword_findsOnlyVisibleGrantedRowsEvenWhenCredentialsAreListed() {
    ResourceItem mine = add(ItemFixtures.aNote().ownedBy(e1.id()).withText("pangolin notes"));
    add(ItemFixtures.aNote().ownedBy(e2.id()).withText("pangolin of e2"));
    add(ItemFixtures.aCredential().ownedBy(e1.id()).withText("pangolin-vault"));
    Enrolled greedy =
        enroll(
            e1,
            ScopeFixtures.aScope()
                .resources(Resource.NOTES, Resource.CREDENTIALS)
                .excluding()
                .build());

    for (Enrolled grant : List.of(e1Grant, greedy)) {
      Listener.Reply reply =
          post(grant.client(), "/api/federation/v1/search", "{\"query\":\"pangolin\"}");

      assertThat(reply.status()).as(reply.text()).isEqualTo(200);
      assertThat((List<Map<String, Object>>) reply.json().get("hits"))
          .extracting(hit -> hit.get("id"), hit -> hit.get("resource"))
          .containsExactly(org.assertj.core.groups.Tuple.tuple(id(mine), "notes"));
    }
  }

  @Test
  void capabilities_isTheGrantsDocument() {
    Listener.Reply reply =
        listener.call(
            e1Grant.client(), new Request.Builder().url(listener.url(CAPABILITIES)).build());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json())
        .containsEntry("grantId", e1Grant.grant().id().toString())
        .containsEntry("resources", List.of("tasks", "notes", "memory"))
        .containsEntry("excludedResources", List.of("credentials"))
        .containsEntry("maxRowsPerQuery", 100)
        .containsEntry("verbs", List.of("capabilities", "list", "get", "search"));
  }

  @Test
  void paging_manyRowsWithTheSameCreatedAt_returnsEveryVisibleRowExactlyOnce() {
    List<String> expected = new ArrayList<>(List.of(id(e1Personal), id(e1InT1), id(e2InT2)));
    for (int i = 0; i < 9; i++) {
      expected.add(id(add(ItemFixtures.aTask().ownedBy(e1.id()).createdAt(Times.T0))));
      add(ItemFixtures.aTask().ownedBy(e2.id()).createdAt(Times.T0));
    }

    List<String> seen = new ArrayList<>();
    String body = "{\"limit\":2}";
    for (int page = 0; page < 20; page++) {
      Listener.Reply reply = post(e1Grant.client(), LIST_TASKS, body);
      seen.addAll(ids(reply));
      Object next = reply.json().get("nextCursor");
      if (next == null) {
        break;
      }
      body = "{\"limit\":2,\"cursor\":\"" + next + "\"}";
    }

    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
  }

  @Test
  void list_limitAboveTheRowCap_isClampedAtMaxRowsPerQuery() {
    Enrolled capped = enroll(e1, ScopeFixtures.aScope().maxRows(2).build());

    Listener.Reply reply = post(capped.client(), LIST_TASKS, "{\"limit\":1000000000000000000000}");

    assertThat(ids(reply)).hasSize(2);
    assertThat(reply.json()).containsKey("nextCursor");
  }

  // --- identity (§5.2 step 2) ---

  @Test
  void certificateWithoutExtensions_is401() {
    OkHttpClient bare = listener.client(listener.pki.client("home.example"));

    assertRefused(post(bare, LIST_TASKS, "{}"), 401, "unauthorized");
  }

  @Test
  void certificateWithMalformedExtensions_is401() {
    OkHttpClient malformed =
        listener.client(listener.pki.grantClient("home.example", "grant-1", "{" + e1.id() + "}"));

    assertRefused(post(malformed, LIST_TASKS, "{}"), 401, "unauthorized");
  }

  @Test
  void certificateNamingAnotherSubjectOrNotPinned_is403WithOneGenericMessage() {
    String grant = e1Grant.grant().id().toString();
    OkHttpClient otherSubject =
        listener.client(listener.pki.grantClient("home.example", grant, e2.id().toString()));
    OkHttpClient notPinned =
        listener.client(listener.pki.grantClient("home.example", grant, e1.id().toString()));
    OkHttpClient unknownGrant =
        listener.client(
            listener.pki.grantClient(
                "home.example", UUID.randomUUID().toString(), e1.id().toString()));

    Listener.Reply subjectMismatch = post(otherSubject, LIST_TASKS, "{}");
    Listener.Reply unpinned = post(notPinned, LIST_TASKS, "{}");
    Listener.Reply unknown = post(unknownGrant, LIST_TASKS, "{}");

    assertRefused(subjectMismatch, 403, "forbidden");
    assertRefused(unpinned, 403, "forbidden");
    assertRefused(unknown, 403, "forbidden");
    assertThat(withoutRequestId(subjectMismatch))
        .isEqualTo(withoutRequestId(unpinned))
        .isEqualTo(withoutRequestId(unknown));
  }

  // --- the negative matrix, one test each, through the real use case ---

  @Test
  void unknownResource_is400() {
    assertRefused(
        post(e1Grant.client(), "/api/federation/v1/list/secrets", "{}"), 400, "invalid_request");
  }

  @Test
  void nonUuidId_is400() {
    assertRefused(post(e1Grant.client(), GET + "tasks/42", "{}"), 400, "invalid_request");
  }

  @Test
  void limitZero_is400() {
    assertRefused(post(e1Grant.client(), LIST_TASKS, "{\"limit\":0}"), 400, "invalid_request");
  }

  @Test
  void limitNegative_is400() {
    assertRefused(post(e1Grant.client(), LIST_TASKS, "{\"limit\":-3}"), 400, "invalid_request");
  }

  @Test
  void limitHugeNegative_is400() {
    assertRefused(
        post(e1Grant.client(), LIST_TASKS, "{\"limit\":-99999999999999999999999}"),
        400,
        "invalid_request");
  }

  @Test
  void limitNotAnInteger_is400() {
    assertRefused(post(e1Grant.client(), LIST_TASKS, "{\"limit\":2.5}"), 400, "invalid_request");
  }

  private String firstCursor(Enrolled grant, String path) {
    Listener.Reply first = post(grant.client(), path, "{\"limit\":1}");
    assertThat(first.json()).containsKey("nextCursor");
    return (String) first.json().get("nextCursor");
  }

  @Test
  void forgedCursor_is400() {
    String cursor = firstCursor(e1Grant, LIST_TASKS);
    char last = cursor.charAt(cursor.length() - 2);
    String forged =
        cursor.substring(0, cursor.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + cursor.charAt(cursor.length() - 1);

    assertRefused(
        post(e1Grant.client(), LIST_TASKS, "{\"cursor\":\"" + forged + "\"}"),
        400,
        "invalid_request");
  }

  @Test
  void cursorOfAnotherGrant_is400() {
    String e2Cursor = firstCursor(e2Grant, LIST_TASKS);

    assertRefused(
        post(e1Grant.client(), LIST_TASKS, "{\"cursor\":\"" + e2Cursor + "\"}"),
        400,
        "invalid_request");
  }

  @Test
  void cursorOfAnotherResource_is400() {
    add(ItemFixtures.aNote().ownedBy(e1.id()));
    add(ItemFixtures.aNote().ownedBy(e1.id()));
    String notesCursor = firstCursor(e1Grant, "/api/federation/v1/list/notes");

    assertRefused(
        post(e1Grant.client(), LIST_TASKS, "{\"cursor\":\"" + notesCursor + "\"}"),
        400,
        "invalid_request");
  }

  @Test
  void bodyOver64KiB_is413() {
    String padding = "a".repeat(64 * 1024);

    assertRefused(
        post(e1Grant.client(), LIST_TASKS, "{\"cursor\":\"" + padding + "\"}"),
        413,
        "payload_too_large");
  }

  @Test
  void wrongContentType_is400() {
    assertRefused(post(e1Grant.client(), LIST_TASKS, "text/plain", "{}"), 400, "invalid_request");
  }

  @Test
  void malformedJson_is400() {
    assertRefused(post(e1Grant.client(), LIST_TASKS, "{\"limit\":1"), 400, "invalid_request");
  }

  @Test
  void unknownJsonField_is400() {
    assertRefused(
        post(e1Grant.client(), LIST_TASKS, "{\"ownerUserId\":\"" + e2.id() + "\"}"),
        400,
        "invalid_request");
  }

  @Test
  void wrongMethod_is405() {
    Listener.Reply reply =
        listener.call(
            e1Grant.client(), new Request.Builder().url(listener.url(LIST_TASKS)).build());

    assertRefused(reply, 405, "method_not_allowed");
  }

  @Test
  void missingClientCertificate_is401() {
    assertRefused(post(listener.client(null), LIST_TASKS, "{}"), 401, "unauthorized");
  }

  // --- audit (§7): one row per request that reached the pipeline, none for a refused handshake

  @Test
  void audit_oneRowPerFederatedRequest_noneForARefusedHandshake() {
    post(e1Grant.client(), LIST_TASKS, "{}");
    post(e1Grant.client(), GET + "tasks/" + id(e2Note), "{}");
    post(e1Grant.client(), "/api/federation/v1/list/secrets", "{}");
    TestPki stranger = TestPki.create("Stranger");
    OkHttpClient untrusted =
        listener.clientOver(
            listener.presenting(
                stranger.grantClient(
                    "home.example", e1Grant.grant().id().toString(), e1.id().toString()),
                stranger.intermediate().certificate()));
    assertThatThrownBy(() -> post(untrusted, LIST_TASKS, "{}"))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(stores.audit().all())
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditOutcome.ALLOWED, AuditOutcome.NOT_FOUND, AuditOutcome.INVALID);
    assertThat(listener.server.requestsHandled()).isEqualTo(3);
  }

  // --- revocation (§5.3, D3): the handshake completes, every request is 403 grant_revoked

  /** Revokes {@code grant} as the use case does: grant revoked, its pins on the revoked list. */
  private void revoke(Grant grant) {
    Grant revoked = ((GrantTransition.Applied) grant.revoke(b.clock.instant(), "test")).grant();
    stores.grants().update(revoked);
    for (PinnedCertificate pin : revoked.pinnedCertificates().all()) {
      stores
          .revokedCertificates()
          .add(RevokedCertificate.of(pin, revoked.id(), b.clock.instant(), "test"));
    }
  }

  @Test
  void revokedGrant_onAConnectionOpenedBefore_is403GrantRevoked_withOneAuditRow() {
    assertThat(ids(post(e1Grant.client(), LIST_TASKS, "{}"))).isNotEmpty();
    int rowsBefore = stores.audit().all().size();

    revoke(e1Grant.grant());
    Listener.Reply reply = post(e1Grant.client(), LIST_TASKS, "{}");

    assertRefused(reply, 403, "grant_revoked");
    assertThat(stores.audit().all()).hasSize(rowsBefore + 1);
    AuditEvent row = stores.audit().all().getLast();
    assertThat(row.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(row.statusCode()).hasValue(403);
    assertThat(row.grantId()).contains(e1Grant.grant().id());
  }

  @Test
  void revokedGrant_onANewConnection_completesTheHandshakeAnd403GrantRevoked() {
    ServingGateway.Enrolled fresh = b.enroll(e2, ScopeFixtures.aScope().build());
    OkHttpClient newClient = listener.client(fresh.certificate());
    revoke(fresh.grant());

    assertRefused(post(newClient, LIST_TASKS, "{}"), 403, "grant_revoked");
    assertThat(ids(post(e2Grant.client(), LIST_TASKS, "{}"))).contains(id(e2InT2));
    assertThat(stores.audit().all())
        .extracting(AuditEvent::statusCode)
        .containsExactly(OptionalInt.of(403), OptionalInt.of(200));
  }
}
