package dev.mosaic.federation.bootstrap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.federation.application.port.in.CheckOutcome;
import dev.mosaic.federation.application.port.in.DoctorReport;
import dev.mosaic.federation.application.port.out.CheckStatus;
import dev.mosaic.federation.bootstrap.GatewayServices;
import dev.mosaic.federation.bootstrap.config.GatewayConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mosaic gateway doctor [--json]}: probes every dependency of the configured tier, one line
 * per check with a remedy; exit 0 only when the tier is satisfied.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description = {
      "Probe every dependency of the configured tier (each capped at 5 s) and print one line per"
          + " check with a remedy.",
      "Exits 0 only when the configured tier is satisfied."
    })
final class DoctorCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin ConfigOption config;

  @Option(names = "--json", description = "Print the report as one JSON document.")
  boolean json;

  DoctorCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    GatewayConfig loaded = config.load(context.environment());
    DoctorReport report;
    try (GatewayServices gateway = context.wiring().apply(loaded)) {
      report = gateway.doctor().run();
    }
    String tier = loaded.gateway().tier().configName();
    if (json) {
      printJson(report, tier, context.out());
    } else {
      printText(report, tier, context.out());
    }
    return report.satisfied() ? ExitCode.OK : ExitCode.ERROR;
  }

  static void printText(DoctorReport report, String tier, PrintWriter out) {
    int width = report.outcomes().stream().mapToInt(o -> o.name().length()).max().orElse(0);
    for (CheckOutcome outcome : report.outcomes()) {
      var result = outcome.result();
      StringBuilder line =
          new StringBuilder()
              .append(String.format("%-4s %-" + width + "s  ", result.status(), outcome.name()))
              .append(result.detail());
      if (!result.remedy().isBlank()) {
        line.append(" — remedy: ").append(result.remedy());
      }
      out.println(line);
    }
    long failed =
        report.outcomes().stream().filter(o -> o.result().status() == CheckStatus.FAIL).count();
    out.println(
        report.satisfied()
            ? "tier " + tier + " is satisfied"
            : "tier "
                + tier
                + " is NOT satisfied: "
                + failed
                + " check"
                + (failed == 1 ? "" : "s")
                + " failed");
  }

  static void printJson(DoctorReport report, String tier, PrintWriter out) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("tier", tier);
    root.put("satisfied", report.satisfied());
    ArrayNode checks = root.putArray("checks");
    for (CheckOutcome outcome : report.outcomes()) {
      checks
          .addObject()
          .put("name", outcome.name())
          .put("status", outcome.result().status().name())
          .put("detail", outcome.result().detail())
          .put("remedy", outcome.result().remedy());
    }
    out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }
}
