package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.federation.application.testing.CuttableRelay;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valkey cut off from a running B (through a TCP relay — the shared Valkey is never stopped): B
 * keeps rate limiting with its in-process buckets, its {@code /metrics} says so, and {@code mosaic
 * gateway doctor --json} — a separate process — says that rate limiting runs on the in-process
 * fallback, per replica and not shared, with the remedy. When the path returns, B goes back to the
 * shared buckets without a restart.
 */
class RateLimitFallbackTest {
  static final String SCOPE =
      "{\"resources\": [\"tasks\"], \"rate_limit\": {\"requests_per_minute\": 6, \"burst\": 2}}";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern FALLBACK_ACTIVE =
      Pattern.compile("(?m)^mosaic_ratelimit_fallback_active (\\S+)$");
  static final Pattern FALLBACK_TOTAL =
      Pattern.compile("(?m)^mosaic_ratelimit_fallback_total (\\S+)$");

  @TempDir Path dir;

  @Test
  void valkeyCutOff_limitsInProcess_metricsAndDoctorSayFallbackPerReplica_thenSharedAgain()
      throws Exception {
    URI valkey = URI.create(TestServices.valkeyUrl());
    try (Gateway work = Gateway.named("work.example").host("127.0.0.2").dir(dir).build();
        CuttableRelay relay =
            new CuttableRelay(new InetSocketAddress(valkey.getHost(), valkey.getPort()))) {
      Map<String, String> throughRelay =
          Map.of("MOSAIC_VALKEY_URL", "redis://127.0.0.1:" + relay.port());
      work.ok("gateway", "migrate");
      ReferenceData data = new ReferenceData(work.database());
      data.rows("tasks", data.user("bob.work"), null, 1, ReferenceData.SAME_INSTANT);
      MosaicProcess serve = work.serve(throughRelay);
      String grant = work.createGrant("bob.work", "home.example", SCOPE);
      ClientIdentity identity = ClientIdentity.enroll(work, grant, "home.example");
      PeerClient peer = PeerClient.of(work, identity);
      SessionClient local = new SessionClient(work.localUrl(), null);
      assertThat(metric(local, FALLBACK_ACTIVE)).isEqualTo(0.0);

      relay.cut();
      HttpReply first = peer.list("tasks", "{}");
      HttpReply second = peer.list("tasks", "{}");
      HttpReply third = peer.list("tasks", "{}");
      Mosaic.Run doctor = work.mosaicWith(throughRelay, "gateway", "doctor", "--json");

      assertThat(first.status()).as("%s", first).isEqualTo(200);
      assertThat(second.status()).as("%s", second).isEqualTo(200);
      assertThat(third.status()).as("still limited in-process: %s", third).isEqualTo(429);
      assertThat(third.header("Retry-After")).isPresent();
      assertThat(metric(local, FALLBACK_ACTIVE)).isEqualTo(1.0);
      assertThat(metric(local, FALLBACK_TOTAL)).isGreaterThanOrEqualTo(3.0);

      assertThat(doctor.code()).as("%s", doctor).isEqualTo(1);
      JsonNode check = valkeyCheck(JSON.readTree(doctor.out()));
      assertThat(check.path("status").asText()).isEqualTo("FAIL");
      assertThat(check.path("detail").asText())
          .contains("127.0.0.1:" + relay.port(), "unreachable")
          .contains("rate limiting runs on the in-process fallback: per replica, not shared");
      assertThat(check.path("remedy").asText())
          .contains("valkey-server", "--save ''", "correct valkey.url");

      relay.restore();
      await("B back on the shared buckets")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                peer.list("tasks", "{}");
                return metric(local, FALLBACK_ACTIVE) == 0.0;
              });
      assertThat(serve.isAlive()).isTrue();
    }
  }

  private static double metric(SessionClient local, Pattern line) {
    HttpReply metrics = local.get("/metrics");
    assertThat(metrics.status()).as("%s", metrics).isEqualTo(200);
    Matcher m = line.matcher(metrics.text());
    assertThat(m.find()).as("%s in %s", line, metrics.text()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static JsonNode valkeyCheck(JsonNode report) {
    for (JsonNode check : report.path("checks")) {
      if (check.path("name").asText().equals("valkey")) {
        return check;
      }
    }
    throw new AssertionError("no valkey check in " + report);
  }
}
