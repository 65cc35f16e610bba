package dev.mosaic.federation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.federation.bootstrap.cli.CliContext;
import dev.mosaic.federation.bootstrap.config.GatewayConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code mosaic gateway demo --json} in-process with the real wiring: embedded PostgreSQL and
 * Redis, two gateways, real mTLS between them and home's real session API. Needs no provisioned
 * service.
 */
class GatewayDemoTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void demoJson_everyStepAsSpecified_andEverythingTornDown() throws Exception {
    long started = System.nanoTime();
    Run run = demo(GatewayComponent::create);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    List<JsonNode> steps = steps(run.out);
    assertThat(run.code).as(run.out + run.err).isZero();
    assertThat(steps)
        .extracting(s -> s.get("step").asText())
        .containsExactly(
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
            "revocation",
            "teardown");
    assertThat(steps)
        .allSatisfy(s -> assertThat(s.get("ok").asBoolean()).as(s.toString()).isTrue());
    Map<String, JsonNode> byName = new java.util.HashMap<>();
    steps.forEach(s -> byName.put(s.get("step").asText(), s));

    assertThat(byName.get("enrollment").get("state").asText()).isEqualTo("active");
    assertThat(byName.get("scope-filter").get("items").asInt()).isEqualTo(3);
    assertThat(byName.get("team-scoped-grant").get("t1Task").asInt()).isEqualTo(1);
    assertThat(byName.get("team-scoped-grant").get("t2Task").asInt()).isZero();
    assertThat(byName.get("credentials-denied").get("error").asText()).isEqualTo("scope_violation");
    assertThat(byName.get("cross-user-refused").get("bobsTask").asInt()).isZero();
    assertThat(byName.get("cross-user-refused").get("sameAsMissing").asBoolean()).isTrue();
    assertThat(byName.get("other-local-user").get("federatedStatus").asInt()).isEqualTo(404);
    assertThat(byName.get("other-local-user").get("allSources"))
        .extracting(JsonNode::asText)
        .containsExactly("local");
    assertThat(byName.get("source-all").get("bySource").get("local").asInt()).isEqualTo(1);
    assertThat(byName.get("source-all").get("bySource").get("work").asInt()).isEqualTo(3);
    assertThat(byName.get("revocation").get("sourceStatus").asText()).isEqualTo("revoked");
    assertThat(byName.get("revocation").get("linkState").asText()).isEqualTo("revoked");
    assertThat(Path.of(byName.get("services").get("dir").asText())).doesNotExist();
    assertThat(took).isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void demo_whenAGatewayCannotBeWired_reportsTheStepTearsDownAndExits1() throws Exception {
    List<GatewayServices> opened = new ArrayList<>();
    Run run =
        demo(
            config -> {
              if (config.gateway().name().startsWith("home")) {
                throw new IllegalStateException("home cannot be wired");
              }
              GatewayServices services = GatewayComponent.create(config);
              opened.add(services);
              return services;
            });

    List<JsonNode> steps = steps(run.out);
    assertThat(run.code).isEqualTo(1);
    assertThat(steps)
        .extracting(s -> s.get("step").asText() + " " + s.get("ok").asBoolean())
        .containsExactly("services true", "gateways false", "teardown true");
    assertThat(steps.get(1).get("detail").asText()).contains("home cannot be wired");
    assertThat(opened).hasSize(1);
    assertThat(Path.of(steps.getFirst().get("dir").asText())).doesNotExist();
  }

  @Test
  void demoHelp_describesTheDemoAndItsJsonOutput() throws Exception {
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new String[] {"gateway", "demo", "--help"},
            new CliContext(
                Map.of(), new PrintWriter(out), new PrintWriter(new StringWriter()), c -> null));

    assertThat(code).isZero();
    assertThat(out.toString()).contains("--json").contains("embedded tier");
  }

  record Run(int code, String out, String err) {}

  static Run demo(Function<GatewayConfig, GatewayServices> wiring) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"gateway", "demo", "--json"},
            new CliContext(Map.of(), new PrintWriter(out), new PrintWriter(err), wiring));
    return new Run(code, out.toString(), err.toString());
  }

  static List<JsonNode> steps(String out) throws Exception {
    List<JsonNode> steps = new ArrayList<>();
    for (String line : out.lines().toList()) {
      steps.add(JSON.readTree(line));
    }
    return steps;
  }
}
