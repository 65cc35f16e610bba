package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requesting side (SPEC §5.2 first paragraph, §5.5, §8) through A's loopback session API with
 * the bearer tokens of {@code mosaic user token}. On A (127.0.0.3) two local users, Uma and Vic,
 * each have local tasks and a link named {@code work} to their own grant on B (127.0.0.2); Vic has
 * a second link, {@code vic-only}. {@code source=all} merges Uma's local rows with her rows on B,
 * tagged by source; Uma's token never reaches Vic's links or rows. With B stopped (the last test),
 * the answer is Uma's local rows, B {@code offline}, {@code partial: true}, and the notice {@code
 * federation offline for work} once per session. A runs with {@code cache.ttl: 0}: every answer
 * comes from B itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RequestingSideTest {
  static final String SCOPE = "{\"resources\": [\"tasks\", \"notes\"]}";

  @TempDir static Path dir;

  Gateway work;
  Gateway home;
  MosaicProcess workServe;
  SessionClient uma;
  SessionClient vic;

  /** Row ids: local on A and remote on B, per user. */
  List<UUID> umaLocal;

  List<UUID> vicLocal;
  List<UUID> umaRemote;
  List<UUID> vicRemote;
  List<UUID> vicOnlyRemote;

  @BeforeAll
  void twoLocalUsersLinkedToTheirOwnGrants() {
    work = Gateway.named("work.example").host("127.0.0.2").dir(dir.resolve("work")).build();
    home = Gateway.named("home.example").host("127.0.0.3").dir(dir.resolve("home")).build();
    CompletableFuture<Void> homeReady =
        CompletableFuture.runAsync(
            () -> {
              home.ok("gateway", "migrate");
              ReferenceData local = new ReferenceData(home.database());
              UUID umaId = local.user("uma");
              UUID vicId = local.user("vic");
              umaLocal = local.rows("tasks", umaId, null, 2, ReferenceData.SAME_INSTANT);
              vicLocal = local.rows("tasks", vicId, null, 2, ReferenceData.SAME_INSTANT);
            });
    work.ok("gateway", "migrate");
    CompletableFuture<MosaicProcess> serving = CompletableFuture.supplyAsync(work::serve);
    ReferenceData remote = new ReferenceData(work.database());
    UUID umaWork = remote.user("uma.work");
    UUID vicWork = remote.user("vic.work");
    UUID vicProject = remote.user("vic.project");
    umaRemote = remote.rows("tasks", umaWork, null, 3, ReferenceData.SAME_INSTANT);
    vicRemote = remote.rows("tasks", vicWork, null, 3, ReferenceData.SAME_INSTANT);
    vicOnlyRemote = remote.rows("tasks", vicProject, null, 2, ReferenceData.SAME_INSTANT);

    Map<String, CompletableFuture<String>> urls = new HashMap<>();
    for (String[] grant :
        List.of(
            new String[] {"uma.work", "uma/work"},
            new String[] {"vic.work", "vic/work"},
            new String[] {"vic.project", "vic/vic-only"})) {
      urls.put(
          grant[1],
          CompletableFuture.supplyAsync(
              () ->
                  work.ok(
                          "federation",
                          "grant",
                          "token",
                          work.createGrant(grant[0], "home.example", SCOPE))
                      .strip()));
    }
    homeReady.join();
    workServe = serving.join();
    List<CompletableFuture<String>> links = new ArrayList<>();
    urls.forEach(
        (userAndName, url) -> {
          String[] parts = userAndName.split("/");
          links.add(
              url.thenApplyAsync(
                  u ->
                      home.ok(
                          "federation",
                          "peer",
                          "add",
                          u,
                          "--local-user",
                          parts[0],
                          "--name",
                          parts[1])));
        });
    links.forEach(CompletableFuture::join);
    home.serve(Map.of("MOSAIC_CACHE_TTL", "0"));
    uma = SessionClient.forUser(home, "uma");
    vic = SessionClient.forUser(home, "vic");
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
  void all_mergesLocalAndFederatedRows_eachTaggedWithItsSource() {
    HttpReply reply = uma.list("merge", "all", "tasks");

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(tagged(reply)).isEqualTo(expected(umaLocal, umaRemote, "work"));
    assertThat(statuses(reply)).containsExactly("local=ok", "work=ok");
    assertThat(reply.json().get("partial").asBoolean()).isFalse();
  }

  @Test
  void local_andFederatedWork_eachAnswerOnlyTheirOwnRows() {
    HttpReply local = uma.list("single", "local", "tasks");
    HttpReply remote = uma.list("single", "federated:work", "tasks");

    assertThat(tagged(local)).isEqualTo(expected(umaLocal, List.of(), "work"));
    assertThat(statuses(local)).containsExactly("local=ok");
    assertThat(tagged(remote)).isEqualTo(expected(List.of(), umaRemote, "work"));
    assertThat(statuses(remote)).containsExactly("work=ok");
  }

  @Test
  void tokenOfUma_neverUsesVicsLinks_norSeesVicsRows() {
    HttpReply all = uma.list("isolation", "all", "tasks");
    HttpReply sameName = uma.list("isolation", "federated:work", "tasks");
    HttpReply vicsLink = uma.list("isolation", "federated:vic-only", "tasks");

    List<String> vicsRows = new ArrayList<>();
    for (List<UUID> ids : List.of(vicLocal, vicRemote, vicOnlyRemote)) {
      ids.forEach(id -> vicsRows.add(id.toString()));
    }
    assertThat(all.text()).doesNotContain(vicsRows).doesNotContain("vic-only");
    assertThat(statuses(all)).containsExactly("local=ok", "work=ok");
    assertThat(sameName.text()).doesNotContain(vicsRows);
    assertThat(tagged(sameName)).isEqualTo(expected(List.of(), umaRemote, "work"));
    assertThat(vicsLink.status()).as("%s", vicsLink).isEqualTo(404);
    assertThat(vicsLink.errorCode()).isEqualTo("not_found");
    assertThat(vicsLink.text()).doesNotContain(vicsRows);
  }

  @Test
  void tokenOfVic_seesVicsRowsFromBothLinks_theControlOfTheIsolationCase() {
    HttpReply all = vic.list("control", "all", "tasks");

    Map<String, String> expected = expected(vicLocal, vicRemote, "work");
    vicOnlyRemote.forEach(id -> expected.put(id.toString(), "vic-only"));
    assertThat(tagged(all)).isEqualTo(expected);
    assertThat(statuses(all)).containsExactly("local=ok", "vic-only=ok", "work=ok");
  }

  @Test
  void aBodyNamingAnotherUser_isRefused_andMissingOrForeignTokensAre401() {
    HttpReply actingForVic = uma.query("other", "all", "list", "tasks", Map.of("localUser", "vic"));
    HttpReply noToken = new SessionClient(home.localUrl(), null).list("other", "all", "tasks");
    HttpReply wrongToken =
        new SessionClient(home.localUrl(), "not-a-token-of-anyone").list("other", "all", "tasks");

    assertThat(actingForVic.status()).as("%s", actingForVic).isEqualTo(400);
    assertThat(actingForVic.errorCode()).isEqualTo("invalid_request");
    for (HttpReply reply : List.of(noToken, wrongToken)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(401);
      assertThat(reply.errorCode()).isEqualTo("unauthorized");
      assertThat(reply.json().has("items")).isFalse();
    }
  }

  @Test
  void healthzWithoutAToken_andMetrics_answer200() {
    SessionClient anonymous = new SessionClient(home.localUrl(), null);

    assertThat(anonymous.get("/healthz").status()).isEqualTo(200);
    HttpReply metrics = anonymous.get("/metrics");
    assertThat(metrics.status()).as("%s", metrics).isEqualTo(200);
    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.text()).containsPattern("(?m)^# TYPE \\S+ ");
  }

  @Test
  void federationQueryCli_forUma_printsTheSameMergedRows() {
    Mosaic.Run run =
        home.mosaic(
            "federation",
            "query",
            "list",
            "tasks",
            "--local-user",
            "uma",
            "--source",
            "all",
            "--json");

    assertThat(run.code()).as("%s", run).isZero();
    HttpReply asReply = new HttpReply(200, null, "application/json", run.out());
    assertThat(tagged(asReply)).isEqualTo(expected(umaLocal, umaRemote, "work"));
    assertThat(statuses(asReply)).containsExactly("local=ok", "work=ok");
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void withBStopped_all_answersLocalRowsAndBOffline_withTheNoticeOncePerSession() {
    workServe.stop();

    HttpReply first = uma.list("offline-1", "all", "tasks");
    HttpReply again = uma.list("offline-1", "all", "tasks");
    HttpReply otherSession = uma.list("offline-2", "all", "tasks");

    for (HttpReply reply : List.of(first, again, otherSession)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(tagged(reply)).isEqualTo(expected(umaLocal, List.of(), "work"));
      assertThat(statuses(reply)).containsExactly("local=ok", "work=offline");
      assertThat(reply.json().get("partial").asBoolean()).isTrue();
    }
    assertThat(notices(first)).containsExactly("federation offline for work");
    assertThat(notices(again)).isEmpty();
    assertThat(notices(otherSession)).containsExactly("federation offline for work");
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** id → {@code _source} of every item. */
  private static Map<String, String> tagged(HttpReply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    Map<String, String> tags = new HashMap<>();
    for (JsonNode item : reply.json().get("items")) {
      String previous = tags.put(item.get("id").asText(), item.get("_source").asText());
      assertThat(previous).as("%s appears twice", item.get("id")).isNull();
    }
    return tags;
  }

  private static Map<String, String> expected(List<UUID> local, List<UUID> remote, String peer) {
    Map<String, String> tags = new HashMap<>();
    local.forEach(id -> tags.put(id.toString(), "local"));
    remote.forEach(id -> tags.put(id.toString(), peer));
    return tags;
  }

  private static List<String> statuses(HttpReply reply) {
    List<String> statuses = new ArrayList<>();
    reply
        .json()
        .get("sources")
        .forEach(s -> statuses.add(s.get("name").asText() + "=" + s.get("status").asText()));
    return statuses;
  }

  private static List<String> notices(HttpReply reply) {
    List<String> notices = new ArrayList<>();
    reply
        .json()
        .get("sources")
        .forEach(s -> s.path("notice").asText("").lines().forEach(notices::add));
    return notices;
  }
}
