package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.fake.InMemoryLinkHealthRepository;
import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.in.IssueSessionTokenResult;
import dev.mosaic.federation.application.port.in.QueryCommand;
import dev.mosaic.federation.application.port.in.QueryResult;
import dev.mosaic.federation.application.port.in.SourceStatus;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.service.AuthenticateSessionService;
import dev.mosaic.federation.application.service.FederationStatusService;
import dev.mosaic.federation.application.service.IssueSessionTokenService;
import dev.mosaic.federation.application.service.RenewalSettings;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The requesting side's loopback listener: the session API acts for the token's user only, with the
 * wire rules of the federation listener; {@code /healthz} and {@code /metrics} need no token.
 */
class LocalServerTest {
  private static final String QUERY = "/api/local/v1/query";
  private static final String BODY =
      "{\"session\":\"s1\",\"source\":\"all\",\"verb\":\"list\",\"resource\":\"tasks\"}";

  private final InMemoryStores stores = new InMemoryStores();
  private final RecordingQueryUseCase queries = new RecordingQueryUseCase();
  private final FederationStatusService status =
      new FederationStatusService(
          stores.users(),
          stores.links(),
          new InMemoryLinkHealthRepository(),
          new RenewalSettings(Duration.ofDays(7)),
          new MutableInstantSource(Listener.T0));
  private final User u = user("u");
  private final User v = user("v");
  private final String uToken = token("u");
  private final String vToken = token("v");
  private final OkHttpClient client = new OkHttpClient();
  private LocalServer server = start(Optional.empty());

  @AfterEach
  void stop() {
    client.connectionPool().evictAll();
    server.close();
  }

  private User user(String handle) {
    User user = User.of(new UserId(UUID.randomUUID()), handle);
    stores.users().addUser(user);
    return user;
  }

  private String token(String handle) {
    IssueSessionTokenResult issued =
        new IssueSessionTokenService(
                stores.users(),
                stores.sessionTokens(),
                new MutableInstantSource(Listener.T0),
                new SecureRandom())
            .issue(handle);
    return ((IssueSessionTokenResult.Issued) issued).token().value();
  }

  private LocalServer start(Optional<Supplier<String>> metrics) {
    LocalServer local =
        LocalServer.create(
            new LocalHttpSettings("127.0.0.1", 0),
            new AuthenticateSessionService(stores.sessionTokens(), stores.users()),
            queries,
            status,
            metrics);
    local.start();
    return local;
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private Listener.Reply call(Request request) {
    try (Response response = client.newCall(request).execute()) {
      return new Listener.Reply(response.code(), response.headers(), response.body().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Listener.Reply query(String authorization, String json) {
    return query(authorization, "application/json; charset=utf-8", json);
  }

  private Listener.Reply query(String authorization, String contentType, String json) {
    Request.Builder request =
        new Request.Builder()
            .url(url(QUERY))
            .post(
                RequestBody.create(
                    json.getBytes(StandardCharsets.UTF_8), MediaType.get(contentType)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return call(request.build());
  }

  private static void assertError(Listener.Reply reply, int status, String code) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.json()).containsOnlyKeys("error");
    assertThat(reply.error()).containsEntry("code", code);
    assertThat(reply.error()).containsEntry("requestId", reply.header("X-Request-Id"));
  }

  // --- who the query acts for (§8) ---

  @Test
  void query_tokenOfU_actsForUAndOnlyU() {
    Listener.Reply reply = query("Bearer " + uToken, BODY);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(queries.received()).extracting(QueryCommand::localUser).containsExactly(u.id());
  }

  @Test
  void query_tokensOfTwoUsers_eachActsForItsOwner() {
    query("Bearer " + vToken, BODY);
    query("bearer " + uToken, BODY);

    assertThat(queries.received())
        .extracting(QueryCommand::localUser)
        .containsExactly(v.id(), u.id());
  }

  @Test
  void query_bodyNamingAnotherUser_is400AndNeverReachesTheUseCase() {
    Listener.Reply reply =
        query(
            "Bearer " + uToken,
            "{\"session\":\"s1\",\"source\":\"all\",\"verb\":\"list\",\"resource\":\"tasks\","
                + "\"localUser\":\""
                + v.id()
                + "\"}");

    assertError(reply, 400, "invalid_request");
    assertThat(reply.error()).containsEntry("message", "unknown field 'localUser'");
    assertThat(queries.received()).isEmpty();
  }

  @Test
  void query_withoutToken_is401WithABearerChallenge() {
    Listener.Reply reply = query(null, BODY);

    assertError(reply, 401, "unauthorized");
    assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(queries.received()).isEmpty();
  }

  @Test
  void query_unknownToken_is401() {
    String forged =
        uToken.substring(0, uToken.length() - 2) + (uToken.endsWith("AA") ? "BB" : "AA");

    assertError(query("Bearer " + forged, BODY), 401, "unauthorized");
    assertError(query("Bearer not-a-token", BODY), 401, "unauthorized");
    assertThat(queries.received()).isEmpty();
  }

  @Test
  void query_otherAuthorizationScheme_is401() {
    assertError(query("Basic " + uToken, BODY), 401, "unauthorized");
    assertError(query(uToken, BODY), 401, "unauthorized");
    assertError(query("Bearer ", BODY), 401, "unauthorized");
    assertThat(queries.received()).isEmpty();
  }

  @Test
  void query_tokenOfADeletedUser_is401() {
    stores.users().markUserDeleted(u.id(), Listener.T0);

    assertError(query("Bearer " + uToken, BODY), 401, "unauthorized");
    assertThat(queries.received()).isEmpty();
  }

  @Test
  void query_tokenInTheBodyInsteadOfTheHeader_is401WithoutEchoingIt() {
    Listener.Reply reply =
        query(
            null,
            "{\"session\":\"s1\",\"source\":\"all\",\"verb\":\"list\",\"token\":\""
                + uToken
                + "\"}");

    assertError(reply, 401, "unauthorized");
    assertThat(reply.text()).doesNotContain(uToken);
  }

  // --- what reaches the use case, and what comes back ---

  @Test
  void query_everyField_reachesTheUseCaseAsSent() {
    query(
        "Bearer " + uToken,
        "{\"session\":\"s9\",\"source\":\"federated:work\",\"verb\":\"get\",\"resource\":\"notes\","
            + "\"id\":\"abc\",\"query\":\"q\",\"limit\":123456789012345678901234567890,"
            + "\"cursor\":\"c\"}");

    assertThat(queries.received())
        .containsExactly(
            new QueryCommand(
                u.id(),
                "s9",
                "federated:work",
                "get",
                "notes",
                Optional.of("abc"),
                Optional.of("q"),
                OptionalLong.of(Long.MAX_VALUE),
                Optional.of("c")));
  }

  @Test
  void query_capabilitiesWithoutResource_reachesTheUseCaseWithAnEmptyResource() {
    query("Bearer " + uToken, "{\"session\":\"s\",\"source\":\"all\",\"verb\":\"capabilities\"}");

    assertThat(queries.received().get(0).resource()).isEmpty();
  }

  @Test
  void query_missingSession_is400NamingIt() {
    Listener.Reply reply =
        query("Bearer " + uToken, "{\"source\":\"all\",\"verb\":\"list\",\"resource\":\"tasks\"}");

    assertError(reply, 400, "invalid_request");
    assertThat(reply.error()).containsEntry("message", "field 'session' is required");
    assertThat(queries.received()).isEmpty();
  }

  @Test
  void query_limitNotAnInteger_is400() {
    Listener.Reply reply =
        query(
            "Bearer " + uToken,
            "{\"session\":\"s\",\"source\":\"all\",\"verb\":\"list\",\"resource\":\"tasks\","
                + "\"limit\":\"10\"}");

    assertError(reply, 400, "invalid_request");
    assertThat(reply.error()).containsEntry("message", "field 'limit' must be an integer");
  }

  @Test
  void query_answered_is200WithItemsSourcesAndPartial() {
    queries.answer(
        new QueryResult.Answered(
            List.of(Map.of("id", "1", "_source", "local")),
            List.of(
                SourceStatus.ok("local", Optional.empty()),
                SourceStatus.failed(
                        "work", SourceStatus.State.OFFLINE, "unavailable", "cannot connect")
                    .withNotice("federation offline for work")),
            true));

    Listener.Reply reply = query("Bearer " + uToken, BODY);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json()).containsEntry("items", List.of(Map.of("id", "1", "_source", "local")));
    assertThat(reply.json()).containsEntry("partial", true);
    assertThat(reply.json().get("sources"))
        .isEqualTo(
            List.of(
                Map.of("name", "local", "status", "ok"),
                Map.of(
                    "name",
                    "work",
                    "status",
                    "offline",
                    "notice",
                    "federation offline for work",
                    "error",
                    Map.of("code", "unavailable", "message", "cannot connect"))));
  }

  @Test
  void query_invalid_is400WithTheUseCasesMessage() {
    queries.answer(new QueryResult.Invalid("unknown source 'nowhere'"));

    Listener.Reply reply = query("Bearer " + uToken, BODY);

    assertError(reply, 400, "invalid_request");
    assertThat(reply.error()).containsEntry("message", "unknown source 'nowhere'");
  }

  @Test
  void query_noSuchPeer_is404() {
    queries.answer(new QueryResult.NoSuchPeer("work"));

    Listener.Reply reply = query("Bearer " + uToken, BODY);

    assertError(reply, 404, "not_found");
    assertThat(reply.error()).containsEntry("message", "no such peer 'work'");
  }

  @Test
  void query_userGoneSinceAuthentication_is401() {
    queries.answer(new QueryResult.UnknownUser());

    assertError(query("Bearer " + uToken, BODY), 401, "unauthorized");
  }

  @Test
  void query_storeUnavailable_is503WithRetryAfter() {
    RecordingQueryUseCase failing = new RecordingQueryUseCase();
    server.close();
    server =
        LocalServer.create(
            new LocalHttpSettings("127.0.0.1", 0),
            token -> {
              throw new InfrastructureException("session store down", true);
            },
            failing,
            status,
            Optional.empty());
    server.start();

    Listener.Reply reply = query("Bearer " + uToken, BODY);

    assertError(reply, 503, "unavailable");
    assertThat(reply.header("Retry-After")).isNotBlank();
  }

  // --- wire rules ---

  @Test
  void query_wrongContentType_is400() {
    assertError(query("Bearer " + uToken, "text/plain", BODY), 400, "invalid_request");
    assertThat(queries.received()).isEmpty();
  }

  @Test
  void query_malformedJson_is400() {
    assertError(query("Bearer " + uToken, "{\"session\":"), 400, "invalid_request");
  }

  @Test
  void query_bodyOver64KiB_is413() {
    String big =
        "{\"session\":\"s\",\"source\":\"all\",\"verb\":\"list\",\"query\":\""
            + "q".repeat(64 * 1024)
            + "\"}";

    assertError(query("Bearer " + uToken, big), 413, "payload_too_large");
  }

  @Test
  void query_wrongMethod_is405() {
    Listener.Reply reply = call(new Request.Builder().url(url(QUERY)).build());

    assertError(reply, 405, "method_not_allowed");
    assertThat(reply.header("Allow")).isEqualTo("POST");
  }

  @Test
  void unroutedPaths_are404() {
    assertError(
        call(new Request.Builder().url(url("/api/local/v1/unknown")).build()), 404, "not_found");
    assertError(
        call(new Request.Builder().url(url("/api/federation/v1/capabilities")).build()),
        404,
        "not_found");
  }

  // --- health and metrics ---

  @Test
  void healthz_withoutToken_is200Ok() {
    Listener.Reply reply = call(new Request.Builder().url(url("/healthz")).build());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json()).isEqualTo(Map.of("status", "ok"));
    assertThat(reply.header("X-Request-Id")).isNotBlank();
  }

  @Test
  void metrics_whenBound_isPrometheusText() {
    server.close();
    server = start(Optional.of(() -> "# TYPE mosaic_up gauge\nmosaic_up 1.0\n"));

    Listener.Reply reply = call(new Request.Builder().url(url("/metrics")).build());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("text/plain; version=0.0.4");
    assertThat(reply.text()).isEqualTo("# TYPE mosaic_up gauge\nmosaic_up 1.0\n");
  }

  @Test
  void metrics_whenNotBound_is404() {
    assertError(call(new Request.Builder().url(url("/metrics")).build()), 404, "not_found");
  }

  // --- loopback only ---

  @Test
  void start_nonLoopbackAddress_isRefusedNamingLocalListen() {
    for (String host : List.of("0.0.0.0", "192.0.2.10", "::")) {
      LocalServer exposed =
          LocalServer.create(
              new LocalHttpSettings(host, 0),
              token -> {
                throw new AssertionError("never called");
              },
              queries,
              status,
              Optional.empty());

      assertThatThrownBy(exposed::start)
          .as(host)
          .isInstanceOf(InfrastructureException.class)
          .hasMessageContaining("local.listen " + host + ":0 is not a loopback address");
      assertThatThrownBy(exposed::port).hasMessageContaining("not started");
      exposed.close();
    }
  }

  @Test
  void start_loopbackNames_bind() {
    for (String host : List.of("localhost", "127.0.0.1")) {
      LocalServer local =
          LocalServer.create(
              new LocalHttpSettings(host, 0), token -> null, queries, status, Optional.empty());
      try {
        local.start();
        assertThat(local.port()).as(host).isPositive();
      } finally {
        local.close();
      }
    }
  }

  @Test
  void start_portInUse_failsNamingLocalListen() {
    LocalServer second =
        LocalServer.create(
            new LocalHttpSettings("127.0.0.1", server.port()),
            token -> null,
            queries,
            status,
            Optional.empty());

    assertThatThrownBy(second::start)
        .isInstanceOf(InfrastructureException.class)
        .hasMessageContaining("local.listen 127.0.0.1:" + server.port() + " cannot be bound");
    second.close();
  }
}
