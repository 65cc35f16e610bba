package dev.mosaic.federation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.federation.bootstrap.FakeGateway.Run;
import dev.mosaic.federation.bootstrap.config.ConfigFixtures;
import dev.mosaic.federation.domain.fixtures.LinkFixtures;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.user.UserId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mosaic federation query} in-process against the real query use case over in-memory stores
 * and an in-memory peer: what it prints and its exit codes.
 */
class FederationQueryCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final URI WORK = URI.create("https://work.example:8443");
  static final String LIST_TASKS = "/api/federation/v1/list/tasks";

  @TempDir Path dir;
  Path config;
  final FakeGateway gateway = new FakeGateway();
  final String remoteTask = UUID.randomUUID().toString();

  @BeforeEach
  void aliceWithOneLocalTaskAndALinkToWork() throws IOException {
    config = Files.writeString(dir.resolve("mosaic.yaml"), ConfigFixtures.FEDERATED_LOCAL_CA);
    UserId alice = new UserId(UUID.fromString(mosaic("user", "add", "alice").out().strip()));
    mosaic("user", "add", "bob");
    Path tasks =
        Files.writeString(
            dir.resolve("tasks.jsonl"), "{\"title\": \"local task\", \"status\": \"open\"}\n");
    assertThat(mosaic("data", "import", "tasks", tasks.toString(), "--user", "alice").code())
        .isZero();
    Link link = LinkFixtures.aLink().ownedBy(alice).toPeer("work").atEndpoint(WORK).build();
    gateway.stores.links().insert(link);
    gateway.network.addGateway(WORK, link.pinnedCaFingerprint());
    gateway.network.answer(
        WORK,
        "POST",
        LIST_TASKS,
        200,
        Map.of("items", List.of(Map.of("id", remoteTask, "title", "remote task"))));
  }

  @Test
  void query_allSources_printsLocalAndPeerItemsTaggedThenOneLinePerSource() {
    Run run = mosaic("federation", "query", "list", "tasks", "--local-user", "alice");

    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.getFirst()).startsWith("SOURCE").contains("TITLE");
    assertThat(lines).anyMatch(l -> l.startsWith("local ") && l.contains("local task"));
    assertThat(lines).anyMatch(l -> l.startsWith("work ") && l.contains("remote task"));
    assertThat(lines).endsWith("source local: ok", "source work: ok");
  }

  @Test
  void query_json_printsTheSessionApiAnswer() throws Exception {
    Run run =
        mosaic(
            "federation",
            "query",
            "list",
            "tasks",
            "--local-user",
            "alice",
            "--source",
            "federated:work",
            "--json");

    JsonNode answer = JSON.readTree(run.out());
    assertThat(run.code()).isZero();
    assertThat(answer.get("items")).hasSize(1);
    assertThat(answer.get("items").get(0).get("id").asText()).isEqualTo(remoteTask);
    assertThat(answer.get("items").get(0).get("_source").asText()).isEqualTo("work");
    assertThat(answer.get("sources").get(0).get("status").asText()).isEqualTo("ok");
    assertThat(answer.get("partial").asBoolean()).isFalse();
  }

  @Test
  void query_peerOffline_printsLocalRowsTheStatusAndTheNotice_exits5() {
    gateway.network.setOffline(WORK, true);

    Run run = mosaic("federation", "query", "list", "tasks", "--local-user", "alice");

    assertThat(run.code()).isEqualTo(5);
    assertThat(run.out())
        .contains("local task")
        .contains("source local: ok")
        .contains("source work: offline")
        .contains("notice: federation offline for work");
  }

  @Test
  void query_peerRefuses_printsItsErrorCode_exits5() {
    gateway.network.answer(
        WORK,
        "POST",
        "/api/federation/v1/list/credentials",
        403,
        Map.of("error", Map.of("code", "scope_violation", "message", "not granted")));

    Run run =
        mosaic(
            "federation",
            "query",
            "list",
            "credentials",
            "--local-user",
            "alice",
            "--source",
            "federated:work");

    assertThat(run.code()).isEqualTo(5);
    assertThat(run.out()).contains("(no items)").contains("source work: error scope_violation");
  }

  @Test
  void query_otherUsersPeer_orUnknownUser_exits3() {
    Run bob =
        mosaic(
            "federation",
            "query",
            "list",
            "tasks",
            "--local-user",
            "bob",
            "--source",
            "federated:work");
    Run nobody = mosaic("federation", "query", "list", "tasks", "--local-user", "carol");

    assertThat(bob.code()).isEqualTo(3);
    assertThat(bob.err()).isEqualTo("mosaic: bob has no link named 'work'\n");
    assertThat(nobody.code()).isEqualTo(3);
    assertThat(nobody.err()).isEqualTo("mosaic: no local user has the handle 'carol'\n");
    assertThat(gateway.network.received()).isEmpty();
  }

  @Test
  void query_search_printsLocalAndPeerHitsWithScores() {
    gateway.network.answer(
        WORK,
        "POST",
        "/api/federation/v1/search",
        200,
        Map.of(
            "hits",
            List.of(
                Map.of(
                    "resource",
                    "tasks",
                    "id",
                    remoteTask,
                    "score",
                    0.5,
                    "item",
                    Map.of("id", remoteTask, "title", "remote task")))));

    Run run = mosaic("federation", "query", "search", "--query", "task", "--local-user", "alice");

    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.getFirst()).startsWith("SOURCE").contains("RESOURCE", "SCORE", "TITLE");
    assertThat(lines).anyMatch(l -> l.startsWith("local ") && l.contains("local task"));
    assertThat(lines).anyMatch(l -> l.startsWith("work ") && l.contains("remote task"));
    assertThat(gateway.network.received().getFirst().request().body().orElseThrow())
        .containsEntry("query", "task")
        .containsKey("embedding");
  }

  @Test
  void query_searchWithoutQueryOrMissingArguments_areUsageErrors() {
    Run search = mosaic("federation", "query", "search", "tasks", "--local-user", "alice");
    Run getWithoutId = mosaic("federation", "query", "get", "tasks", "--local-user", "alice");
    Run listWithoutResource = mosaic("federation", "query", "list", "--local-user", "alice");
    Run badSource =
        mosaic("federation", "query", "list", "tasks", "--local-user", "alice", "--source", "x");
    Run badLimit =
        mosaic("federation", "query", "list", "tasks", "--local-user", "alice", "--limit", "0");

    assertThat(List.of(search, getWithoutId, listWithoutResource, badSource, badLimit))
        .allSatisfy(run -> assertThat(run.code()).isEqualTo(2));
    assertThat(search.err()).contains("--query is required for search");
    assertThat(badSource.err()).contains("source must be");
    assertThat(badLimit.err()).contains("limit must be at least 1");
    assertThat(gateway.network.received()).isEmpty();
  }

  Run mosaic(String... args) {
    return gateway.run(config, args);
  }
}
