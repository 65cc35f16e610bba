package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mosaic gateway demo --json} with no configuration at all: two gateways in the embedded
 * tier, one JSON object per step. Each step's outcome is checked from the facts it reports — scope
 * filtering, the team-scoped grant, the denied credentials request, the refused cross-user attempt,
 * the other local user, {@code source=all}, keyword search on a database without {@code vector}
 * (the embedding home sends is ignored) and revocation — and the run is checked from outside: under
 * a minute, its embedded PostgreSQL no longer listening and its folder gone afterwards.
 */
class GatewayDemoTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> STEPS =
      List.of(
          "services",
          "gateways",
          "users",
          "teams",
          "data",
          "grant",
          "enrollment",
          "session-tokens",
          "scope-filter",
          "team-scoped-grant",
          "credentials-denied",
          "cross-user-refused",
          "other-local-user",
          "source-all",
          "keyword-search",
          "revocation",
          "teardown");

  @TempDir Path dir;

  @Test
  void demoJson_runsEveryStepAsSpecified_inUnderAMinute_andLeavesNothingBehind()
      throws IOException {
    Instant started = Instant.now();
    Mosaic.Run run = Mosaic.run(Map.of(), dir, "gateway", "demo", "--json");
    Duration took = Duration.between(started, Instant.now());

    assertThat(run.code()).as("%s", run).isZero();
    Map<String, JsonNode> steps = new LinkedHashMap<>();
    for (String line : run.out().lines().toList()) {
      JsonNode step = JSON.readTree(line);
      steps.put(step.get("step").asText(), step);
    }
    assertThat(new ArrayList<>(steps.keySet())).containsExactlyElementsOf(STEPS);
    assertThat(steps.values())
        .allSatisfy(s -> assertThat(s.get("ok").asBoolean()).as("%s", s).isTrue());
    assertThat(took).as("finishes, never hangs").isLessThan(Duration.ofMinutes(3));

    assertThat(steps.get("scope-filter").get("items").asInt()).isEqualTo(3);
    JsonNode teamScoped = steps.get("team-scoped-grant");
    assertThat(teamScoped.get("t1Task").asInt()).isEqualTo(1);
    assertThat(teamScoped.get("t2Task").asInt()).isZero();
    assertThat(teamScoped.get("notes").asInt()).isEqualTo(3);
    assertThat(steps.get("credentials-denied").get("error").asText()).isEqualTo("scope_violation");
    JsonNode crossUser = steps.get("cross-user-refused");
    assertThat(crossUser.get("bobsTask").asInt()).isZero();
    assertThat(crossUser.get("sameAsMissing").asBoolean()).isTrue();
    JsonNode otherUser = steps.get("other-local-user");
    assertThat(otherUser.get("federatedStatus").asInt()).isEqualTo(404);
    assertThat(otherUser.get("allSources")).extracting(JsonNode::asText).containsExactly("local");
    JsonNode all = steps.get("source-all").get("bySource");
    assertThat(all.get("local").asInt()).isEqualTo(1);
    assertThat(all.get("work").asInt()).isEqualTo(3);
    // The embedded PostgreSQL has no vector: work answers a search by keywords, ignoring the
    // embedding home sends, and a credential's secret word finds nothing.
    JsonNode search = steps.get("keyword-search");
    assertThat(search.get("vectorCheck").asText()).isEqualTo("WARN");
    assertThat(search.get("hits").asInt()).isEqualTo(1);
    assertThat(search.get("resources")).extracting(JsonNode::asText).containsExactly("memory");
    assertThat(search.get("credentialHits").asInt()).isZero();
    assertThat(steps.get("revocation").get("sourceStatus").asText()).isEqualTo("revoked");
    assertThat(steps.get("revocation").get("linkState").asText()).isEqualTo("revoked");

    JsonNode services = steps.get("services");
    assertThat(Files.exists(Path.of(services.get("dir").asText()))).isFalse();
    assertThat(listening(services.get("postgresPort").asInt())).isFalse();
    assertThat(listening(services.get("redisPort").asInt())).isFalse();
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
