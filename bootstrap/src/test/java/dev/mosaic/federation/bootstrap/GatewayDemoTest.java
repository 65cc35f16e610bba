package dev.mosaic.federation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.federation.bootstrap.cli.CliContext;
import dev.mosaic.federation.bootstrap.config.GatewayConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code mosaic gateway demo} in-process: what it does when a gateway cannot be wired, and its
 * help. The full run, every step checked from outside, is the acceptance suite's {@code
 * GatewayDemoTest}.
 */
class GatewayDemoTest {
  static final ObjectMapper JSON = new ObjectMapper();

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
