package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-grant rate limits (SPEC §7, §8, AC-6) with real Valkey: two replicas of B (work, 127.0.0.2,
 * same database, same Valkey) draw from one bucket per grant (20 per minute — a token every 3 s, so
 * that a loaded machine does not refill the bucket between the requests of a burst — burst 2); a
 * 429's wait (its {@code Retry-After} header, whole seconds, and its {@code retryAfterMs}) is
 * within a second of when a request really succeeds again; and A (home, 127.0.0.3), once told to
 * wait, sends nothing to B until the wait has passed — B's audit shows no request in the window.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {
  static final String SCOPE =
      "{\"resources\": [\"tasks\"], \"rate_limit\": {\"requests_per_minute\": 20, \"burst\": 2}}";
  static final long TOKEN_EVERY_MS = 3000;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  Gateway work;
  Gateway workReplica;
  Gateway home;
  String directGrant;
  ClientIdentity direct;
  String linkGrant;
  SessionClient ann;

  @BeforeAll
  void twoReplicasOfWork_andHomeLinkedToWork() {
    work = Gateway.named("work.example").host("127.0.0.2").dir(dir.resolve("work")).build();
    home = Gateway.named("home.example").host("127.0.0.3").dir(dir.resolve("home")).build();
    work.ok("gateway", "migrate");
    home.ok("gateway", "migrate");
    ReferenceData remote = new ReferenceData(work.database());
    UUID annWork = remote.user("ann.work");
    UUID bobWork = remote.user("bob.work");
    remote.rows("tasks", annWork, null, 2, ReferenceData.SAME_INSTANT);
    remote.rows("tasks", bobWork, null, 2, ReferenceData.SAME_INSTANT);
    new ReferenceData(home.database()).user("ann");
    work.serve();
    workReplica =
        Gateway.named("work.example")
            .host("127.0.0.2")
            .dir(dir.resolve("work"))
            .replicaOf(work)
            .build();
    workReplica.serve();

    directGrant = work.createGrant("bob.work", "home.example", SCOPE);
    direct = ClientIdentity.enroll(work, directGrant, "home.example");
    linkGrant = work.createGrant("ann.work", "home.example", SCOPE);
    String url = work.ok("federation", "grant", "token", linkGrant).strip();
    home.ok("federation", "peer", "add", url, "--local-user", "ann", "--name", "work");
    home.serve(Map.of("MOSAIC_CACHE_TTL", "0"));
    ann = SessionClient.forUser(home, "ann");
  }

  @AfterAll
  void stopGateways() {
    try {
      if (home != null) {
        home.close();
      }
    } finally {
      try {
        if (workReplica != null) {
          workReplica.close();
        }
      } finally {
        if (work != null) {
          work.close();
        }
      }
    }
  }

  @Test
  void twoReplicas_shareOneBucketPerGrant_andTheWaitIsWithinASecondOfTheNextSuccess() {
    PeerClient primary = PeerClient.of(work, direct);
    PeerClient replica = PeerClient.of(workReplica, direct);

    HttpReply first = primary.list("tasks", "{}");
    HttpReply second = replica.list("tasks", "{}");
    HttpReply third = primary.list("tasks", "{}");
    long limitedAt = System.nanoTime();
    HttpReply fourth = replica.list("tasks", "{}");

    assertThat(first.status()).as("%s", first).isEqualTo(200);
    assertThat(second.status()).as("%s", second).isEqualTo(200);
    assertThat(third.status()).as("%s", third).isEqualTo(429);
    assertThat(fourth.status()).as("%s", fourth).isEqualTo(429);
    assertThat(third.errorCode()).isEqualTo("rate_limited");
    long retryAfterMs = third.json().path("error").path("retryAfterMs").asLong(-1);
    assertThat(retryAfterMs).isBetween(1L, TOKEN_EVERY_MS);
    // Retry-After: whole seconds, at least 1, the ceiling of retryAfterMs (SPEC §7).
    long retryAfterSeconds = retryAfterSeconds(third);
    assertThat(retryAfterSeconds)
        .isGreaterThanOrEqualTo(1L)
        .isEqualTo(Math.max(1L, (retryAfterMs + 999) / 1000));
    assertThat(retryAfterSeconds(fourth)).isGreaterThanOrEqualTo(1L);

    List<PeerClient> both = List.of(primary, replica);
    AtomicReference<Long> succeededAt = new AtomicReference<>();
    int[] turn = {0};
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              HttpReply reply = both.get(turn[0]++ % 2).list("tasks", "{}");
              if (reply.status() == 200) {
                succeededAt.set(System.nanoTime());
                return true;
              }
              assertThat(reply.status()).as("%s", reply).isEqualTo(429);
              return false;
            });
    long waitedMs = Duration.ofNanos(succeededAt.get() - limitedAt).toMillis();
    assertThat(waitedMs).isBetween(retryAfterMs - 1000, retryAfterMs + 1000);
    assertThat(waitedMs)
        .as("Retry-After: %d s", retryAfterSeconds)
        .isBetween(retryAfterSeconds * 1000 - 1000, retryAfterSeconds * 1000 + 1000);
  }

  /** The {@code Retry-After} header of a 429, which must be a whole number of seconds. */
  private static long retryAfterSeconds(HttpReply reply) {
    String header =
        reply
            .header("Retry-After")
            .orElseThrow(() -> new AssertionError("no Retry-After: " + reply));
    assertThat(header).as("Retry-After of %s", reply).matches("[0-9]+");
    return Long.parseLong(header);
  }

  @Test
  void home_after429_sendsNothingToWorkUntilTheWaitHasPassed() throws Exception {
    HttpReply first = ann.list("backoff", "federated:work", "tasks");
    HttpReply second = ann.list("backoff", "federated:work", "tasks");
    HttpReply limited = ann.list("backoff", "federated:work", "tasks");
    long limitedAt = System.nanoTime();
    HttpReply heldBack = ann.list("backoff", "federated:work", "tasks");
    HttpReply heldBackAgain = ann.list("backoff", "federated:work", "tasks");
    long heldBackUntil = System.nanoTime();
    List<JsonNode> rowsOfTheWindow = auditRows(linkGrant);

    assertThat(state(first)).isEqualTo("ok");
    assertThat(state(second)).isEqualTo("ok");
    assertThat(state(limited)).as("%s", limited).isEqualTo("rate_limited");
    long retryAfterMs = source(limited).path("retryAfterMs").asLong(-1);
    assertThat(retryAfterMs).isBetween(1L, TOKEN_EVERY_MS);
    // Only meaningful while both held-back calls came within the wait.
    assertThat(Duration.ofNanos(heldBackUntil - limitedAt).toMillis()).isLessThan(retryAfterMs);
    assertThat(state(heldBack)).isEqualTo("rate_limited");
    assertThat(state(heldBackAgain)).isEqualTo("rate_limited");
    assertThat(source(heldBack).path("retryAfterMs").asLong(-1)).isBetween(1L, retryAfterMs);
    // B saw the two allowed requests and the refused one, and nothing of the two held back.
    assertThat(rowsOfTheWindow.stream().map(r -> r.path("outcome").asText()))
        .containsExactly("allowed", "allowed", "rate_limited");

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> state(ann.list("backoff", "federated:work", "tasks")).equals("ok"));
    assertThat(auditRows(linkGrant)).hasSizeGreaterThanOrEqualTo(4);
  }

  /** B's audit rows of {@code grant} for requests (lifecycle events left out), oldest first. */
  private List<JsonNode> auditRows(String grant) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    for (String line :
        work.ok("federation", "audit", "--grant", grant, "--json").lines().toList()) {
      JsonNode row = JSON.readTree(line);
      if (row.path("event").asText().equals("list")) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static JsonNode source(HttpReply reply) {
    for (JsonNode source : reply.json().path("sources")) {
      if (source.path("name").asText().equals("work")) {
        return source;
      }
    }
    throw new AssertionError("no source work in " + reply);
  }

  private static String state(HttpReply reply) {
    return source(reply).path("status").asText();
  }
}
