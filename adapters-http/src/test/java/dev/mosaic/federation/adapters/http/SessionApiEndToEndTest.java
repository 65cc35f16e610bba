package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.InMemoryKeySealer;
import dev.mosaic.federation.application.fake.InMemoryLinkHealthRepository;
import dev.mosaic.federation.application.fake.InMemoryResponseCache;
import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.port.in.IssueSessionTokenResult;
import dev.mosaic.federation.application.service.AuthenticateSessionService;
import dev.mosaic.federation.application.service.CursorCodec;
import dev.mosaic.federation.application.service.CursorKey;
import dev.mosaic.federation.application.service.FeatureHashingEmbedder;
import dev.mosaic.federation.application.service.FederationStatusService;
import dev.mosaic.federation.application.service.IssueSessionTokenService;
import dev.mosaic.federation.application.service.QueryService;
import dev.mosaic.federation.application.service.QuerySettings;
import dev.mosaic.federation.application.service.RenewalSettings;
import dev.mosaic.federation.domain.fixtures.ItemFixtures;
import dev.mosaic.federation.domain.fixtures.ScopeFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkCertificate;
import dev.mosaic.federation.domain.link.LinkId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A to B through both listeners: a session on A calls A's loopback session API with its user's
 * token; A's real {@link QueryService} asks B over mTLS through the real {@link
 * OkHttpPeerTransport} with the link's sealed key; B serves through its real use case. A's local
 * users U and V each own a link to B, to the grants of B's employees E1 and E2.
 */
class SessionApiEndToEndTest {
  private static final String WORK = "work.example";
  private static final String V_WORK = "v-work.example";

  // --- B ---
  private final ServingGateway b = new ServingGateway();
  private final User e1 = b.user("e1");
  private final User e2 = b.user("e2");
  private final TeamId shared = b.team("shared", e1, e2);
  private final ResourceItem e1Task = b.add(ItemFixtures.aTask().ownedBy(e1.id()));
  private final ResourceItem sharedTask =
      b.add(ItemFixtures.aTask().ownedBy(e2.id()).inTeam(shared));
  private final ResourceItem e2Task = b.add(ItemFixtures.aTask().ownedBy(e2.id()));

  // --- A ---
  private final InMemoryStores a = new InMemoryStores();
  private final MutableInstantSource aClock = new MutableInstantSource(Times.T0.plusSeconds(60));
  private final InMemoryKeySealer sealer = new InMemoryKeySealer();
  private final User u = localUser("u");
  private final User v = localUser("v");
  private final ResourceItem uLocalTask = aRow(u);
  private final ResourceItem vLocalTask = aRow(v);
  private final LocalServer local;
  private final OkHttpClient session = new OkHttpClient();
  private final InMemoryLinkHealthRepository health = new InMemoryLinkHealthRepository();

  SessionApiEndToEndTest() {
    a.links().insert(link(u, WORK, b.enroll(e1, ScopeFixtures.aScope().build())));
    a.links().insert(link(v, V_WORK, b.enroll(e2, ScopeFixtures.aScope().build())));
    HttpSettings client =
        new HttpSettings("127.0.0.1", 0, 10, Duration.ofSeconds(2), Duration.ofSeconds(5));
    QueryService queries =
        new QueryService(
            a.users(),
            a.resources(),
            a.links(),
            health,
            new OkHttpPeerTransport(client, sealer),
            new InMemoryResponseCache(aClock),
            new FeatureHashingEmbedder(),
            new CursorCodec(
                new CursorKey("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8))),
            new SequentialIdGenerator(),
            aClock,
            QuerySettings.defaults());
    local =
        LocalServer.create(
            new LocalHttpSettings("127.0.0.1", 0),
            new AuthenticateSessionService(a.sessionTokens(), a.users()),
            queries,
            new FederationStatusService(
                a.users(), a.links(), health, new RenewalSettings(Duration.ofDays(7)), aClock),
            Optional.empty());
    local.start();
  }

  @AfterEach
  void stop() {
    session.connectionPool().evictAll();
    local.close();
    b.close();
  }

  private User localUser(String handle) {
    User user = User.of(new UserId(UUID.randomUUID()), handle);
    a.users().addUser(user);
    return user;
  }

  private ResourceItem aRow(User owner) {
    ResourceItem item = ItemFixtures.aTask().ownedBy(owner.id()).build();
    a.resources().insert(item);
    return item;
  }

  /** A's link of {@code owner} to a grant on B, its key sealed as A keeps it. */
  private Link link(User owner, String peer, ServingGateway.Enrolled enrolled) {
    HeldCertificate certificate = enrolled.certificate();
    return Link.create(
        new LinkId(UUID.randomUUID()),
        owner.id(),
        PeerName.parse(peer),
        URI.create(b.listener.url("")),
        enrolled.grant().id(),
        enrolled.grant().subjectUserId(),
        b.listener.pki.rootPin(),
        new LinkCertificate(
            certificate.certificatePem(),
            List.of(b.listener.pki.intermediate().certificatePem()),
            ServingGateway.fingerprint(certificate),
            certificate.certificate().getNotAfter().toInstant(),
            sealer.seal(certificate.keyPair().getPrivate().getEncoded())),
        aClock.instant());
  }

  private String token(User user) {
    IssueSessionTokenResult issued =
        new IssueSessionTokenService(a.users(), a.sessionTokens(), aClock, new SecureRandom())
            .issue(user.handle());
    return ((IssueSessionTokenResult.Issued) issued).token().value();
  }

  private Listener.Reply query(User user, String source, String verb, String resource) {
    String body =
        "{\"session\":\"s-"
            + user.handle()
            + "\",\"source\":\""
            + source
            + "\",\"verb\":\""
            + verb
            + "\",\"resource\":\""
            + resource
            + "\"}";
    Request request =
        new Request.Builder()
            .url("http://127.0.0.1:" + local.port() + "/api/local/v1/query")
            .header("Authorization", "Bearer " + token(user))
            .post(
                RequestBody.create(
                    body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")))
            .build();
    try (Response response = session.newCall(request).execute()) {
      return new Listener.Reply(response.code(), response.headers(), response.body().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Listener.Reply reply) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return (List<Map<String, Object>>) reply.json().get("items");
  }

  private static List<String> idsFrom(Listener.Reply reply, String source) {
    return items(reply).stream()
        .filter(item -> source.equals(item.get("_source")))
        .map(item -> (String) item.get("id"))
        .toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void status_usToken_showsUsLinkWithItsHealthAndNeverVsLink() throws IOException {
    query(u, "federated:" + WORK, "list", "tasks");
    Request request =
        new Request.Builder()
            .url("http://127.0.0.1:" + local.port() + "/api/local/v1/status")
            .header("Authorization", "Bearer " + token(u))
            .build();
    Listener.Reply reply;
    try (Response response = session.newCall(request).execute()) {
      reply = new Listener.Reply(response.code(), response.headers(), response.body().bytes());
    }

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    List<Map<String, Object>> links = (List<Map<String, Object>>) reply.json().get("links");
    assertThat(links)
        .singleElement()
        .satisfies(
            link -> {
              assertThat(link).containsEntry("peer", WORK).containsEntry("state", "active");
              assertThat(link.get("lastSuccessAt")).isNotNull();
            });
    assertThat(reply.text()).doesNotContain(V_WORK);

    Request anonymous =
        new Request.Builder()
            .url("http://127.0.0.1:" + local.port() + "/api/local/v1/status")
            .build();
    try (Response response = session.newCall(anonymous).execute()) {
      assertThat(response.code()).isEqualTo(401);
    }
  }

  @Test
  void sourceAll_usToken_mergesUsLocalRowsWithE1sRowsFromB() {
    Listener.Reply reply = query(u, "all", "list", "tasks");

    assertThat(idsFrom(reply, "local")).containsExactly(uLocalTask.id().toString());
    assertThat(idsFrom(reply, WORK))
        .containsExactlyInAnyOrder(e1Task.id().toString(), sharedTask.id().toString());
    assertThat(items(reply)).hasSize(3);
    assertThat(reply.json()).containsEntry("partial", false);
    assertThat(reply.json().get("sources"))
        .isEqualTo(
            List.of(Map.of("name", "local", "status", "ok"), Map.of("name", WORK, "status", "ok")));
  }

  @Test
  void sourceAll_vsToken_seesOnlyVsRowsAndVsLink() {
    Listener.Reply reply = query(v, "all", "list", "tasks");

    assertThat(idsFrom(reply, "local")).containsExactly(vLocalTask.id().toString());
    assertThat(idsFrom(reply, V_WORK))
        .containsExactlyInAnyOrder(e2Task.id().toString(), sharedTask.id().toString());
    assertThat(reply.text()).doesNotContain(uLocalTask.id().toString(), e1Task.id().toString());
  }

  @Test
  void federatedSourceOfAnotherUsersLink_is404LikeAMissingPeer() {
    Listener.Reply reply = query(u, "federated:" + V_WORK, "list", "tasks");
    Listener.Reply missing = query(u, "federated:nowhere.example", "list", "tasks");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.error()).containsEntry("code", "not_found");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(b.stores.audit().all()).isEmpty();
  }

  @Test
  void capabilities_throughUsLink_isE1sGrant() {
    Listener.Reply reply = query(u, "federated:" + WORK, "capabilities", "");

    assertThat(items(reply)).hasSize(1);
    assertThat(items(reply).get(0)).containsEntry("_source", WORK);
    assertThat(items(reply).get(0).get("grantId"))
        .isEqualTo(
            a.links().findAll().stream()
                .filter(link -> link.localUserId().equals(u.id()))
                .findFirst()
                .orElseThrow()
                .grantId()
                .toString());
  }

  @Test
  void peerDown_sourceAll_answersLocalRowsAndTheOfflineStatusOnce() {
    b.close();

    Listener.Reply first = query(u, "all", "list", "tasks");

    assertThat(idsFrom(first, "local")).containsExactly(uLocalTask.id().toString());
    assertThat(first.json()).containsEntry("partial", true);
    assertThat(first.text()).contains("\"status\":\"offline\"", "federation offline for " + WORK);
  }
}
