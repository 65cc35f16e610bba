package dev.mosaic.federation.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.federation.bootstrap.demo.GatewayDemo;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mosaic gateway demo [--json]} (SPEC §10): runs {@link GatewayDemo} and narrates it, one
 * line per step, or one JSON object per line with {@code --json}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description = {
      "Run two gateways (home and work) in the embedded tier on loopback — embedded PostgreSQL"
          + " and Redis, local CAs in a temporary folder — create users, teams, data and a grant,"
          + " enroll home at work over HTTPS, then query through home's session API to show"
          + " scope filtering, a team-scoped grant, a denied credentials request, a refused"
          + " cross-user attempt, source=all and revocation. Needs no configuration; everything is"
          + " removed at the end.",
      "Exit 0 when every step came out as expected, 1 otherwise."
    })
final class DemoCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--json",
      description =
          "One JSON object per step and line: {step, ok, detail, ms, …facts of the step}.")
  boolean json;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    long started = System.nanoTime();
    if (!json) {
      context
          .out()
          .println(
              "mosaic gateway demo: work (B) serves, home (A) asks; alice works at work and"
                  + " lives at home");
      context.out().flush();
    }
    int[] number = {0};
    GatewayDemo demo =
        new GatewayDemo(
            context.wiring(),
            step -> {
              number[0]++;
              context.out().println(json ? jsonLine(step) : textLine(number[0], step));
              context.out().flush();
            });
    boolean ok = demo.run();
    if (!json) {
      List<GatewayDemo.Step> steps = demo.steps();
      long failed = steps.stream().filter(s -> !s.ok()).count();
      String took =
          String.format(
              Locale.ROOT,
              "%.1f s",
              Duration.ofNanos(System.nanoTime() - started).toMillis() / 1e3);
      context
          .out()
          .println(
              failed == 0
                  ? "all " + steps.size() + " steps as expected in " + took
                  : failed + " of " + steps.size() + " steps NOT as expected (" + took + ")");
    }
    return ok ? ExitCode.OK : ExitCode.ERROR;
  }

  private static String textLine(int number, GatewayDemo.Step step) {
    return String.format(
        Locale.ROOT,
        "%2d %-4s %-18s %s",
        number,
        step.ok() ? "ok" : "FAIL",
        step.name(),
        step.detail());
  }

  private static String jsonLine(GatewayDemo.Step step) {
    ObjectNode node = Json.object();
    node.put("step", step.name());
    node.put("ok", step.ok());
    node.put("detail", step.detail());
    node.put("ms", step.millis());
    step.data().forEach((key, value) -> node.set(key, Json.MAPPER.valueToTree(value)));
    try {
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
