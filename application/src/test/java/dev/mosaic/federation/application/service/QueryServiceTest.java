package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.InMemoryLinkHealthRepository;
import dev.mosaic.federation.application.fake.InMemoryPeerTransport;
import dev.mosaic.federation.application.fake.InMemoryResponseCache;
import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.port.in.QueryCommand;
import dev.mosaic.federation.application.port.in.QueryResult;
import dev.mosaic.federation.application.port.in.SourceStatus;
import dev.mosaic.federation.application.port.in.SourceStatus.State;
import dev.mosaic.federation.application.port.out.CacheKey;
import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.application.port.out.TransportFailure;
import dev.mosaic.federation.domain.fixtures.ItemFixtures;
import dev.mosaic.federation.domain.fixtures.LinkFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkHealth;
import dev.mosaic.federation.domain.link.LinkState;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.user.Team;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryServiceTest {
  private static final String API = "/api/federation/v1/";

  private final InMemoryStores stores = new InMemoryStores();
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0.plusSeconds(60));
  private final InMemoryLinkHealthRepository health = new InMemoryLinkHealthRepository();
  private final InMemoryPeerTransport network = new InMemoryPeerTransport();
  private final InMemoryResponseCache cache = new InMemoryResponseCache(clock);
  private final CursorCodec cursors = new CursorCodec(ServingWorld.KEY);
  private final CountDownLatch never = new CountDownLatch(1);

  private final User u = User.of(new UserId(UUID.randomUUID()), "ursula");
  private final User v = User.of(new UserId(UUID.randomUUID()), "victor");
  private final TeamId uTeam = new TeamId(UUID.randomUUID());
  private final Link uWork = link(u, "work.example", "https://work.example:8443");
  private final Link uLab = link(u, "lab.example", "https://lab.example:8443");
  private final Link vWork = link(v, "work.example", "https://v.work.example:8443");
  private final Link vOnly = link(v, "secret.example", "https://secret.example:8443");

  private final ResourceItem uPersonal = add(ItemFixtures.aTask().ownedBy(u.id()));
  private final ResourceItem uTeamRow = add(ItemFixtures.aTask().ownedBy(v.id()).inTeam(uTeam));
  private final ResourceItem vPersonal = add(ItemFixtures.aTask().ownedBy(v.id()));

  private QueryService service =
      service(new QuerySettings(Duration.ofSeconds(2), Duration.ofSeconds(30)));

  QueryServiceTest() {
    stores.users().addUser(u);
    stores.users().addUser(v);
    stores.users().addTeam(new Team(uTeam, "u-team"));
    stores.users().addMember(uTeam, u.id());
    for (Link link : List.of(uWork, uLab, vWork, vOnly)) {
      stores.links().insert(link);
      network.addGateway(link.endpoint(), link.pinnedCaFingerprint());
    }
    serveTasks(uWork, List.of(remoteTask("w1"), remoteTask("w2")));
    serveTasks(uLab, List.of(remoteTask("l1")));
    serveTasks(vWork, List.of(remoteTask("v-secret")));
    serveTasks(vOnly, List.of(remoteTask("v-only")));
  }

  @AfterEach
  void releaseBlockedPeers() {
    never.countDown();
  }

  private QueryService service(QuerySettings settings) {
    return service(settings, network);
  }

  private QueryService service(QuerySettings settings, PeerTransport transport) {
    return new QueryService(
        stores.users(),
        stores.resources(),
        stores.links(),
        health,
        transport,
        cache,
        new FeatureHashingEmbedder(),
        cursors,
        new SequentialIdGenerator(),
        clock,
        settings);
  }

  private static Link link(User owner, String peer, String endpoint) {
    return LinkFixtures.aLink()
        .ownedBy(owner.id())
        .toPeer(peer)
        .atEndpoint(URI.create(endpoint))
        .build();
  }

  private ResourceItem add(ItemFixtures.Builder item) {
    ResourceItem built = item.build();
    stores.resources().insert(built);
    return built;
  }

  private static Map<String, Object> remoteTask(String title) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", UUID.randomUUID().toString());
    item.put("title", title);
    return item;
  }

  private void serveTasks(Link link, List<Map<String, Object>> items) {
    network.answer(link.endpoint(), "POST", API + "list/tasks", 200, Map.of("items", items));
  }

  private static QueryResult.Answered answered(QueryResult result) {
    assertThat(result).isInstanceOf(QueryResult.Answered.class);
    return (QueryResult.Answered) result;
  }

  private static List<Object> titles(QueryResult.Answered answer) {
    return answer.items().stream().map(i -> i.get("title")).toList();
  }

  private static SourceStatus source(QueryResult.Answered answer, String name) {
    return answer.sources().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private QueryResult list(User user, String session, String source) {
    return service.query(QueryCommand.list(user.id(), session, source, "tasks"));
  }

  private List<Link> linksCalled() {
    return network.received().stream().map(r -> r.link().orElseThrow()).toList();
  }

  // ---- local ----

  @Test
  void local_list_returnsOwnPersonalAndTeamRowsTaggedLocal() {
    QueryResult.Answered answer = answered(list(u, "s1", "local"));

    assertThat(answer.items())
        .extracting(i -> i.get("id"))
        .containsExactlyInAnyOrder(uPersonal.id().toString(), uTeamRow.id().toString());
    assertThat(answer.items()).allSatisfy(i -> assertThat(i).containsEntry("_source", "local"));
    assertThat(answer.sources()).containsExactly(SourceStatus.ok("local", Optional.empty()));
    assertThat(answer.partial()).isFalse();
    assertThat(network.received()).isEmpty();
  }

  @Test
  void local_listPagedWithCursor_returnsEveryRowOnceAndRefusesAnotherUsersCursor() {
    for (int i = 0; i < 5; i++) {
      add(ItemFixtures.aTask().ownedBy(u.id()).createdAt(Times.T0));
      add(ItemFixtures.aTask().ownedBy(v.id()).createdAt(Times.T0));
    }
    List<Object> seen = new ArrayList<>();
    QueryCommand command = QueryCommand.list(u.id(), "s1", "local", "tasks").withLimit(2);
    Optional<String> cursor = Optional.empty();
    do {
      QueryCommand page = cursor.isPresent() ? command.withCursor(cursor.get()) : command;
      QueryResult.Answered answer = answered(service.query(page));
      answer.items().forEach(i -> seen.add(i.get("id")));
      cursor = source(answer, "local").nextCursor();
    } while (cursor.isPresent());
    String vCursor =
        source(
                answered(
                    service.query(QueryCommand.list(v.id(), "s2", "local", "tasks").withLimit(1))),
                "local")
            .nextCursor()
            .orElseThrow();

    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    assertThat(service.query(command.withCursor(vCursor)))
        .isEqualTo(new QueryResult.Invalid("invalid cursor"));
  }

  @Test
  void local_get_ofAnotherUsersRow_returnsNothing() {
    QueryResult.Answered answer =
        answered(
            service.query(
                QueryCommand.get(u.id(), "s1", "local", "tasks", vPersonal.id().toString())));
    QueryResult.Answered own =
        answered(
            service.query(
                QueryCommand.get(u.id(), "s1", "local", "tasks", uPersonal.id().toString())));

    assertThat(answer.items()).isEmpty();
    assertThat(own.items()).extracting(i -> i.get("id")).containsExactly(uPersonal.id().toString());
  }

  @Test
  void local_credentials_areNeverServed() {
    add(ItemFixtures.aCredential().ownedBy(u.id()));

    QueryResult.Answered answer =
        answered(service.query(QueryCommand.list(u.id(), "s1", "local", "credentials")));

    assertThat(answer.items()).isEmpty();
    assertThat(source(answer, "local").errorCode()).hasValue("scope_violation");
    assertThat(answer.partial()).isTrue();
  }

  // ---- ownership of links ----

  @Test
  void federated_ownLink_isTheOnlyLinkUsed() {
    QueryResult.Answered answer = answered(list(u, "s1", "federated:work.example"));

    assertThat(titles(answer)).containsExactly("w1", "w2");
    assertThat(answer.items())
        .allSatisfy(i -> assertThat(i).containsEntry("_source", "work.example"));
    assertThat(linksCalled()).containsExactly(uWork);
  }

  @Test
  void federated_peerOnlyAnotherUserHasALinkTo_isNoSuchPeerAndNothingIsSent() {
    QueryResult result = list(u, "s1", "federated:secret.example");

    assertThat(result).isEqualTo(new QueryResult.NoSuchPeer("secret.example"));
    assertThat(network.received()).isEmpty();
  }

  @Test
  void all_usesEveryOwnActiveLinkAndNeverAnotherUsersLinks() {
    QueryResult.Answered answer = answered(list(u, "s1", "all"));

    assertThat(titles(answer))
        .containsExactlyInAnyOrder(titleOf(uPersonal), titleOf(uTeamRow), "w1", "w2", "l1");
    assertThat(answer.sources())
        .extracting(SourceStatus::name)
        .containsExactly("local", "lab.example", "work.example");
    assertThat(answer.partial()).isFalse();
    assertThat(linksCalled()).containsExactlyInAnyOrder(uWork, uLab).doesNotContain(vWork, vOnly);
    assertThat(titles(answer)).doesNotContain("v-secret", "v-only");
  }

  private static Object titleOf(ResourceItem item) {
    return item.toWire().get("title");
  }

  @Test
  void all_sameSessionIdUsedByAnotherUser_hasItsOwnLinksAndNotices() {
    network.setOffline(uWork.endpoint(), true);

    QueryResult.Answered forU = answered(list(u, "shared", "all"));
    QueryResult.Answered forV = answered(list(v, "shared", "all"));

    assertThat(titles(forV)).contains("v-secret", "v-only").doesNotContain("w1", "l1");
    assertThat(source(forU, "work.example").notice()).isPresent();
    assertThat(source(forV, "work.example").status()).isEqualTo(State.OK);
  }

  // ---- degraded answers ----

  @Test
  void all_onePeerOffline_givesLocalRowsOtherPeerAndOfflineStatusWithOneNoticePerSession() {
    network.setOffline(uWork.endpoint(), true);

    QueryResult.Answered first = answered(list(u, "s1", "all"));
    QueryResult.Answered second = answered(list(u, "s1", "all"));
    QueryResult.Answered otherSession = answered(list(u, "s2", "all"));

    assertThat(titles(first))
        .containsExactlyInAnyOrder(titleOf(uPersonal), titleOf(uTeamRow), "l1");
    assertThat(first.partial()).isTrue();
    SourceStatus offline = source(first, "work.example");
    assertThat(offline.status()).isEqualTo(State.OFFLINE);
    assertThat(offline.notice()).hasValue("federation offline for work.example");
    assertThat(source(first, "lab.example").isOk()).isTrue();
    assertThat(source(second, "work.example").status()).isEqualTo(State.OFFLINE);
    assertThat(source(second, "work.example").notice()).isEmpty();
    assertThat(source(otherSession, "work.example").notice()).isPresent();
    assertThat(health.find(uWork.id()).flatMap(LinkHealth::lastFailureReason).orElseThrow())
        .startsWith("offline");
    assertThat(health.find(uLab.id()).flatMap(LinkHealth::lastSuccessAt)).isPresent();
  }

  @Test
  void all_peerThatNeverAnswers_isOfflineAfterTheRequestTimeout() {
    service = service(new QuerySettings(Duration.ofMillis(200), Duration.ofSeconds(30)));
    network.route(
        uWork.endpoint(),
        "POST",
        API + "list/tasks",
        request -> {
          try {
            never.await(1, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new PeerReply.Answered(
              200, Map.of(), Map.of("items", List.of(remoteTask("late"))));
        });

    QueryResult.Answered answer = answered(list(u, "s1", "all"));

    assertThat(source(answer, "work.example").status()).isEqualTo(State.OFFLINE);
    assertThat(source(answer, "work.example").notice()).isPresent();
    assertThat(titles(answer)).contains("l1").doesNotContain("late");
    assertThat(answer.partial()).isTrue();
  }

  @Test
  void federated_rateLimited_reportsRetryAfterAndRecordsIt() {
    network.answer(
        uWork.endpoint(),
        "POST",
        API + "list/tasks",
        429,
        Map.of(
            "error", Map.of("code", "rate_limited", "message", "slow down", "retryAfterMs", 1500)));

    QueryResult.Answered answer = answered(list(u, "s1", "federated:work.example"));

    SourceStatus status = source(answer, "work.example");
    assertThat(status.status()).isEqualTo(State.RATE_LIMITED);
    assertThat(status.retryAfterMs()).hasValue(1500);
    assertThat(answer.partial()).isTrue();
    assertThat(health.find(uWork.id()).flatMap(LinkHealth::rateLimitedUntil))
        .hasValue(clock.instant().plusMillis(1500));
  }

  @Test
  void federated_rateLimitedWithOnlyTheHeader_usesRetryAfterSeconds() {
    network.route(
        uWork.endpoint(),
        "POST",
        API + "list/tasks",
        request -> new PeerReply.Answered(429, Map.of("retry-after", "3"), Map.of()));

    assertThat(
            source(answered(list(u, "s1", "federated:work.example")), "work.example")
                .retryAfterMs())
        .hasValue(3000);
  }

  @Test
  void grantRevokedAnswer_marksTheLinkRevokedFlushesItsCacheAndStopsUsingIt() {
    answered(list(u, "s1", "federated:work.example"));
    CacheKey cachedList = new CacheKey(uWork.id(), "list", "tasks", "{}");
    assertThat(cache.get(cachedList)).isPresent();
    network.answer(
        uWork.endpoint(),
        "POST",
        API + "list/tasks",
        403,
        Map.of("error", Map.of("code", "grant_revoked", "message", "the grant has been revoked")));

    QueryResult.Answered revoked =
        answered(
            service.query(
                QueryCommand.list(u.id(), "s1", "federated:work.example", "tasks").withLimit(1)));
    int callsSoFar = network.received().size();
    QueryResult.Answered all = answered(list(u, "s1", "all"));
    QueryResult.Answered again = answered(list(u, "s1", "federated:work.example"));

    assertThat(source(revoked, "work.example").status()).isEqualTo(State.REVOKED);
    assertThat(source(revoked, "work.example").message().orElseThrow()).contains("work.example");
    assertThat(cache.get(cachedList)).isEmpty();
    assertThat(stores.links().findById(uWork.id()).orElseThrow().state())
        .isEqualTo(LinkState.REVOKED);
    assertThat(all.sources()).extracting(SourceStatus::name).doesNotContain("work.example");
    assertThat(source(again, "work.example").status()).isEqualTo(State.REVOKED);
    assertThat(again.items()).isEmpty();
    assertThat(linksCalled().subList(callsSoFar, linksCalled().size())).containsOnly(uLab);
  }

  @Test
  void certificateRevokedAlert_marksTheLinkRevoked() {
    service =
        service(
            QuerySettings.defaults(), new FailingTransport(TransportFailure.CERTIFICATE_REVOKED));

    QueryResult.Answered answer = answered(list(u, "s1", "federated:work.example"));

    assertThat(source(answer, "work.example").status()).isEqualTo(State.REVOKED);
    assertThat(stores.links().findById(uWork.id()).orElseThrow().state())
        .isEqualTo(LinkState.REVOKED);
    assertThat(stores.links().findById(vWork.id()).orElseThrow().state())
        .isEqualTo(LinkState.ACTIVE);
  }

  @Test
  void untrustedServer_isAnErrorAndNeverMarksTheLinkRevoked() {
    service =
        service(QuerySettings.defaults(), new FailingTransport(TransportFailure.SERVER_UNTRUSTED));

    QueryResult.Answered answer = answered(list(u, "s1", "federated:work.example"));

    assertThat(source(answer, "work.example").status()).isEqualTo(State.ERROR);
    assertThat(source(answer, "work.example").errorCode()).hasValue("tls_failure");
    assertThat(stores.links().findById(uWork.id()).orElseThrow().state())
        .isEqualTo(LinkState.ACTIVE);
  }

  @Test
  void peerRefusal_isAnErrorStatusCarryingThePeersCode() {
    network.answer(
        uWork.endpoint(),
        "POST",
        API + "list/credentials",
        403,
        Map.of(
            "error",
            Map.of("code", "scope_violation", "message", "resource 'credentials' is excluded")));

    QueryResult.Answered answer =
        answered(
            service.query(
                QueryCommand.list(u.id(), "s1", "federated:work.example", "credentials")));

    SourceStatus status = source(answer, "work.example");
    assertThat(status.status()).isEqualTo(State.ERROR);
    assertThat(status.errorCode()).hasValue("scope_violation");
    assertThat(status.message()).hasValue("resource 'credentials' is excluded");
    assertThat(answer.items()).isEmpty();
    assertThat(answer.partial()).isTrue();
  }

  @Test
  void malformedPeerAnswer_isAnError() {
    network.answer(uWork.endpoint(), "POST", API + "list/tasks", 200, Map.of("rows", List.of()));

    assertThat(
            source(answered(list(u, "s1", "federated:work.example")), "work.example").errorCode())
        .hasValue("malformed_answer");
  }

  @Test
  void peerItems_cannotSpoofTheirSourceOrCacheTags() {
    Map<String, Object> spoof = remoteTask("spoof");
    spoof.put("_source", "local");
    spoof.put("_cached", true);
    serveTasks(uWork, List.of(spoof));

    QueryResult.Answered answer = answered(list(u, "s1", "federated:work.example"));

    assertThat(answer.items().getFirst())
        .containsEntry("_source", "work.example")
        .doesNotContainKey("_cached");
  }

  // ---- cache ----

  @Test
  void list_repeatedWithinTheTtl_isServedFromTheCacheTaggedCached() {
    answered(list(u, "s1", "federated:work.example"));
    int calls = network.received().size();

    QueryResult.Answered cached = answered(list(u, "s1", "federated:work.example"));
    clock.advance(Duration.ofSeconds(30));
    QueryResult.Answered fresh = answered(list(u, "s1", "federated:work.example"));

    assertThat(cached.items())
        .hasSize(2)
        .allSatisfy(i -> assertThat(i).containsEntry("_cached", true));
    assertThat(fresh.items()).allSatisfy(i -> assertThat(i).doesNotContainKey("_cached"));
    assertThat(network.received()).hasSize(calls + 1);
  }

  @Test
  void list_differentRequest_isNotServedFromAnotherRequestsEntry() {
    answered(list(u, "s1", "federated:work.example"));

    QueryResult.Answered limited =
        answered(
            service.query(
                QueryCommand.list(u.id(), "s1", "federated:work.example", "tasks").withLimit(1)));

    assertThat(limited.items()).allSatisfy(i -> assertThat(i).doesNotContainKey("_cached"));
    assertThat(network.received()).hasSize(2);
    assertThat(network.received().getLast().request().body()).hasValue(Map.of("limit", 1L));
  }

  @Test
  void list_cacheTtlZero_neverCaches() {
    service = service(new QuerySettings(Duration.ofSeconds(2), Duration.ZERO));

    answered(list(u, "s1", "federated:work.example"));
    QueryResult.Answered second = answered(list(u, "s1", "federated:work.example"));

    assertThat(second.items()).allSatisfy(i -> assertThat(i).doesNotContainKey("_cached"));
    assertThat(network.received()).hasSize(2);
  }

  // ---- get and capabilities ----

  @Test
  void get_fromPeer_sendsAnEmptyBodyToTheGetPathAndTagsTheItem() {
    UUID id = UUID.randomUUID();
    network.answer(
        uWork.endpoint(),
        "POST",
        API + "get/notes/" + id,
        200,
        Map.of("item", Map.of("id", id.toString())));

    QueryResult.Answered answer =
        answered(
            service.query(
                QueryCommand.get(u.id(), "s1", "federated:work.example", "notes", id.toString())));

    assertThat(answer.items())
        .containsExactly(Map.of("id", id.toString(), "_source", "work.example"));
    PeerRequest sent = network.received().getLast().request();
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.body()).hasValue(Map.of());
  }

  @Test
  void get_peerNotFound_isAnOkSourceWithoutItems() {
    UUID id = UUID.randomUUID();
    network.answer(
        uWork.endpoint(),
        "POST",
        API + "get/notes/" + id,
        404,
        Map.of("error", Map.of("code", "not_found", "message", "no such item")));

    QueryResult.Answered answer =
        answered(
            service.query(
                QueryCommand.get(u.id(), "s1", "federated:work.example", "notes", id.toString())));

    assertThat(answer.items()).isEmpty();
    assertThat(answer.partial()).isFalse();
  }

  @Test
  void capabilities_all_asksEveryOwnPeerAndRecordsClockSkew() {
    for (Link link : List.of(uWork, uLab)) {
      network.answer(
          link.endpoint(),
          "GET",
          API + "capabilities",
          200,
          Map.of(
              "grantId",
              link.grantId().toString(),
              "serverTime",
              clock.instant().plusSeconds(7).toString()));
    }

    QueryResult.Answered answer =
        answered(
            service.query(
                new QueryCommand(
                    u.id(),
                    "s1",
                    "all",
                    "capabilities",
                    "",
                    Optional.empty(),
                    Optional.empty(),
                    OptionalLong.empty(),
                    Optional.empty())));

    assertThat(answer.sources())
        .extracting(SourceStatus::name)
        .containsExactly("lab.example", "work.example");
    assertThat(answer.items())
        .extracting(i -> i.get("_source"))
        .containsExactly("lab.example", "work.example");
    assertThat(health.find(uWork.id()).flatMap(LinkHealth::clockSkew))
        .hasValue(Duration.ofSeconds(7));
  }

  // ---- commands refused ----

  @Test
  void query_invalidCommands_areInvalidAndSendNothing() {
    UserId id = u.id();
    List<QueryCommand> bad =
        List.of(
            QueryCommand.list(id, "s1", "everywhere", "tasks"),
            QueryCommand.list(id, "s1", "federated:", "tasks"),
            QueryCommand.list(id, "s1", "federated:Not A Name!", "tasks"),
            QueryCommand.list(id, "s1", "all", "secrets"),
            QueryCommand.list(id, " ", "all", "tasks"),
            QueryCommand.list(id, "x".repeat(129), "all", "tasks"),
            QueryCommand.list(id, "s1", "all", "tasks").withLimit(0),
            QueryCommand.list(id, "s1", "all", "tasks").withLimit(-5),
            QueryCommand.list(id, "s1", "all", "tasks").withCursor("abc"),
            QueryCommand.get(id, "s1", "all", "tasks", "not-a-uuid"),
            new QueryCommand(
                id,
                "s1",
                "all",
                "get",
                "tasks",
                Optional.empty(),
                Optional.empty(),
                OptionalLong.empty(),
                Optional.empty()),
            new QueryCommand(
                id,
                "s1",
                "all",
                "search",
                "tasks",
                Optional.empty(),
                Optional.of("x".repeat(257)),
                OptionalLong.empty(),
                Optional.empty()),
            new QueryCommand(
                id,
                "s1",
                "local",
                "capabilities",
                "",
                Optional.empty(),
                Optional.empty(),
                OptionalLong.empty(),
                Optional.empty()),
            QueryCommand.list(id, "s1", "local", "tasks").withCursor("forged"));

    for (QueryCommand command : bad) {
      assertThat(service.query(command))
          .as(command.toString())
          .isInstanceOf(QueryResult.Invalid.class);
    }
    assertThat(network.received()).isEmpty();
  }

  @Test
  void query_deletedUser_isUnknownUser() {
    stores.users().markUserDeleted(u.id(), clock.instant());

    assertThat(list(u, "s1", "all")).isInstanceOf(QueryResult.UnknownUser.class);
    assertThat(network.received()).isEmpty();
  }

  /** A transport whose every call fails the same way. */
  private record FailingTransport(TransportFailure failure) implements PeerTransport {
    @Override
    public PeerReply send(Link link, PeerRequest request) {
      return new PeerReply.Failed(failure, failure.name().toLowerCase());
    }

    @Override
    public PeerReply sendAnonymous(
        URI gatewayUrl, CertificateFingerprint caRootPin, PeerRequest request) {
      return new PeerReply.Failed(failure, failure.name().toLowerCase());
    }
  }

  // ---- search ----

  private void serveHits(Link link, String title, double score) {
    Map<String, Object> hit = new LinkedHashMap<>();
    hit.put("resource", "tasks");
    hit.put("id", UUID.randomUUID().toString());
    hit.put("score", score);
    hit.put("item", remoteTask(title));
    network.answer(link.endpoint(), "POST", API + "search", 200, Map.of("hits", List.of(hit)));
  }

  @Test
  void search_all_asksOwnLinksWithEmbeddingAndMergesHitsByScore() {
    add(ItemFixtures.aTask().ownedBy(u.id()).withText("quokka local"));
    add(ItemFixtures.aTask().ownedBy(v.id()).withText("quokka of victor"));
    serveHits(uWork, "quokka work", 0.5);
    serveHits(uLab, "quokka lab", 7.0);
    serveHits(vWork, "quokka v-secret", 9.0);

    QueryResult.Answered answer =
        answered(service.query(QueryCommand.search(u.id(), "s1", "all", "", "quokka")));

    assertThat(answer.hits()).isTrue();
    assertThat(answer.toWire()).containsKey("hits").doesNotContainKey("items");
    assertThat(answer.items())
        .extracting(h -> h.get("_source"))
        .containsExactly("lab.example", "local", "work.example");
    assertThat(answer.items().get(1)).containsEntry("resource", "tasks");
    assertThat(linksCalled()).containsExactlyInAnyOrder(uWork, uLab);
    assertThat(network.received())
        .allSatisfy(
            r -> {
              assertThat(r.request().path()).isEqualTo(API + "search");
              assertThat(r.request().body().orElseThrow())
                  .containsEntry("query", "quokka")
                  .doesNotContainKey("resources");
              assertThat((List<?>) r.request().body().orElseThrow().get("embedding")).hasSize(256);
            });
  }

  @Test
  void search_isNeverCached() {
    serveHits(uWork, "quokka work", 0.5);

    service.query(QueryCommand.search(u.id(), "s1", "federated:work.example", "tasks", "quokka"));
    QueryResult.Answered again =
        answered(
            service.query(
                QueryCommand.search(u.id(), "s1", "federated:work.example", "tasks", "quokka")));

    assertThat(network.received()).hasSize(2);
    assertThat(network.received().getFirst().request().body().orElseThrow())
        .containsEntry("resources", List.of("tasks"));
    assertThat(again.items()).allSatisfy(h -> assertThat(h).doesNotContainKey("_cached"));
  }

  @Test
  void search_local_findsOnlyRowsOfTheUsersNativeAccessAndNoCredential() {
    ResourceItem mine = add(ItemFixtures.aNote().ownedBy(u.id()).withText("wombat notes"));
    add(ItemFixtures.aNote().ownedBy(v.id()).withText("wombat of victor"));
    add(ItemFixtures.aCredential().ownedBy(u.id()).withText("wombat-vault"));

    QueryResult.Answered answer =
        answered(service.query(QueryCommand.search(u.id(), "s1", "local", "", "wombat")));

    assertThat(answer.items()).extracting(h -> h.get("id")).containsExactly(mine.id().toString());
    assertThat(answer.items().getFirst()).containsEntry("_source", "local");
  }
}
