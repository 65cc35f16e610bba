package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.federation.application.testing.CuttableRelay;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead audit of SPEC §7 against a real {@code gateway serve} process: a response that
 * left B has its committed audit row even when B is killed with SIGKILL under load; and when the
 * audit store is cut off (a relay between B and PostgreSQL, the server itself untouched) B refuses
 * with 503 {@code unavailable} and serves no data, then recovers without a restart.
 */
class AuditDurabilityTest {
  static final String SCOPE =
      "{\"resources\": [\"tasks\"],"
          + " \"rate_limit\": {\"requests_per_minute\": 100000, \"burst\": 10000}}";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String LIST_TASKS = "/api/federation/v1/list/tasks";

  @TempDir Path dir;

  @Test
  void killMinus9DuringLoad_everyAnsweredRequestHasItsAuditRow() throws Exception {
    try (Gateway work = Gateway.named("work.example").host("127.0.0.2").dir(dir).build()) {
      work.ok("gateway", "migrate");
      seed(work);
      MosaicProcess serve = work.serve();
      ClientIdentity identity = enroll(work);
      Caller caller = new Caller(work, identity, Duration.ofSeconds(5));

      Set<String> answered = ConcurrentHashMap.newKeySet();
      AtomicReference<String> unexpected = new AtomicReference<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      ExecutorService load = Executors.newFixedThreadPool(4);
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        workers.add(
            load.submit(
                () -> {
                  while (System.nanoTime() < deadline) {
                    String sent = UUID.randomUUID().toString();
                    HttpResponse<String> reply;
                    try {
                      reply = caller.list(sent);
                    } catch (IOException e) {
                      return null; // B is gone
                    }
                    if (reply.statusCode() == 200) {
                      String echoed = reply.headers().firstValue("X-Request-Id").orElse("");
                      if (!echoed.equals(sent)) {
                        unexpected.compareAndSet(null, "echoed " + echoed + " for " + sent);
                      }
                      answered.add(echoed);
                    } else {
                      unexpected.compareAndSet(null, reply.statusCode() + " " + reply.body());
                    }
                  }
                  return null;
                }));
      }
      await("B answering under load")
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> answered.size() >= 200 || workers.stream().allMatch(Future::isDone));
      ProcessHandle.of(serve.pid()).orElseThrow().destroyForcibly(); // SIGKILL on Linux
      load.shutdown();
      assertThat(load.awaitTermination(15, TimeUnit.SECONDS)).isTrue();
      for (Future<?> worker : workers) {
        worker.get();
      }
      await("B dead").atMost(Duration.ofSeconds(5)).until(() -> !serve.isAlive());

      Map<String, Long> rowsPerRequest = new HashMap<>();
      for (Map<String, Object> row :
          work.database()
              .rows(
                  "select request_id::text as id, count(*) as n from federation_audit_log"
                      + " where event = 'list' group by request_id")) {
        rowsPerRequest.put((String) row.get("id"), ((Number) row.get("n")).longValue());
      }
      List<String> missing =
          answered.stream().filter(id -> !rowsPerRequest.containsKey(id)).toList();
      List<String> duplicated =
          answered.stream().filter(id -> rowsPerRequest.getOrDefault(id, 0L) > 1).toList();

      assertThat(unexpected.get()).as("an answer other than 200 with the sent id").isNull();
      assertThat(answered).as("responses received before the kill").hasSizeGreaterThan(50);
      assertThat(missing)
          .as(
              "%d responses received, %d list rows audited, %d received without a row,"
                  + " %d with more than one",
              answered.size(), rowsPerRequest.size(), missing.size(), duplicated.size())
          .isEmpty();
      assertThat(duplicated).isEmpty();
    }
  }

  @Test
  void auditStoreCutOff_requestsGet503AndNoData_thenRecoverWithoutRestart() throws Exception {
    try (Gateway work = Gateway.named("work.example").host("127.0.0.2").dir(dir).build();
        CuttableRelay relay = new CuttableRelay(databaseAddress(work.database().url()))) {
      work.ok("gateway", "migrate");
      seed(work);
      MosaicProcess serve =
          work.serve(
              Map.of(
                  "MOSAIC_DATABASE_URL",
                  "jdbc:postgresql://127.0.0.1:" + relay.port() + "/" + work.database().name()));
      ClientIdentity identity = enroll(work);
      Caller caller = new Caller(work, identity, Duration.ofSeconds(20));
      long pid = serve.pid();

      HttpResponse<String> before = caller.list(UUID.randomUUID().toString());
      assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
      assertThat(JSON.readTree(before.body()).path("items")).hasSize(3);

      relay.cut();
      List<HttpResponse<String>> whileCut = new ArrayList<>();
      await("503 while the audit store is cut off")
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                HttpResponse<String> reply = caller.list(UUID.randomUUID().toString());
                whileCut.add(reply);
                return reply.statusCode() == 503;
              });
      HttpResponse<String> refused = caller.list(UUID.randomUUID().toString());
      whileCut.add(refused);

      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      JsonNode body = JSON.readTree(refused.body());
      assertThat(body.at("/error/code").asText()).isEqualTo("unavailable");
      assertThat(body.has("items")).isFalse();
      assertThat(refused.headers().firstValue("Retry-After"))
          .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
      for (HttpResponse<String> reply : whileCut) {
        assertThat(reply.statusCode()).as("served while cut: %s", reply.body()).isNotEqualTo(200);
        assertThat(reply.body()).doesNotContain("\"items\"").doesNotContain("tasks of ");
      }

      relay.restore();
      AtomicReference<HttpResponse<String>> after = new AtomicReference<>();
      await("B serving again once the path is back")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                after.set(caller.list(UUID.randomUUID().toString()));
                return after.get().statusCode() == 200;
              });
      assertThat(JSON.readTree(after.get().body()).path("items")).hasSize(3);
      assertThat(serve.isAlive()).isTrue();
      assertThat(serve.pid()).as("the same process, not restarted").isEqualTo(pid);
      assertThat(work.database().auditOf(after.get().headers().firstValue("X-Request-Id").get()))
          .extracting(r -> r.get("outcome"))
          .containsExactly("allowed");
    }
  }

  private static void seed(Gateway work) {
    ReferenceData data = new ReferenceData(work.database());
    UUID bob = data.user("bob.work");
    data.rows("tasks", bob, null, 3, ReferenceData.SAME_INSTANT);
  }

  private static ClientIdentity enroll(Gateway work) {
    String grant = work.createGrant("bob.work", "home.example", SCOPE);
    return ClientIdentity.enroll(work, grant, "home.example");
  }

  /** {@code host:port} of the PostgreSQL server a {@code jdbc:postgresql://} URL names. */
  private static InetSocketAddress databaseAddress(String jdbcUrl) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    return new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
  }

  /**
   * Lists B's tasks over mutual TLS with the enrolled certificate, with a chosen {@code
   * X-Request-Id}; the whole response, headers included, comes back.
   */
  private static final class Caller {
    private final URI listTasks;
    private final HttpClient client;
    private final Duration timeout;

    Caller(Gateway serving, ClientIdentity identity, Duration timeout) throws Exception {
      this.listTasks = serving.publicUrl().resolve(LIST_TASKS);
      this.timeout = timeout;
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          "client", identity.key(), new char[0], identity.chain().toArray(Certificate[]::new));
      KeyManagerFactory keyFactory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyFactory.init(keys, new char[0]);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("root", PeerClient.caRoot(serving));
      TrustManagerFactory trustFactory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustFactory.init(trust);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keyFactory.getKeyManagers(), trustFactory.getTrustManagers(), null);
      this.client =
          HttpClient.newBuilder()
              .sslContext(tls)
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
    }

    HttpResponse<String> list(String requestId) throws IOException, InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(listTasks)
              .timeout(timeout)
              .header("Content-Type", PeerClient.APPLICATION_JSON)
              .header("X-Request-Id", requestId)
              .POST(HttpRequest.BodyPublishers.ofString("{}"))
              .build();
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
