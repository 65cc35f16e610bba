package dev.mosaic.federation.bootstrap.cli;

import dev.mosaic.federation.application.port.in.CheckOutcome;
import dev.mosaic.federation.application.port.in.DoctorReport;
import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.CheckStatus;
import dev.mosaic.federation.bootstrap.DailyAuditArchive;
import dev.mosaic.federation.bootstrap.FederationListener;
import dev.mosaic.federation.bootstrap.GatewayServices;
import dev.mosaic.federation.bootstrap.LocalListener;
import dev.mosaic.federation.bootstrap.RenewalTicker;
import dev.mosaic.federation.bootstrap.config.ConfigKeys;
import dev.mosaic.federation.bootstrap.config.GatewayConfig;
import dev.mosaic.federation.bootstrap.config.HostPort;
import dev.mosaic.federation.bootstrap.config.Tier;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code mosaic gateway serve}: checks that the federated tier is satisfied (the doctor's checks,
 * run a second time before giving up), starts the federation listener and the loopback session API,
 * prints {@code listening on https://host:port} and {@code session API on http://host:port}, and
 * runs until SIGTERM or SIGINT, when a shutdown hook stops both listeners and closes the gateway.
 * While serving, the audit rollover runs a minute after start and then daily ({@link
 * DailyAuditArchive}), and the links' certificates are renewed when due ({@link RenewalTicker}).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description = {
      "Run the gateway: check every dependency of the federated tier, start the federation"
          + " listener on federation.listen and the session API (with /healthz and /metrics) on"
          + " local.listen, and serve until SIGTERM or SIGINT.",
      "Prints 'listening on https://host:port' and then 'session API on http://host:port' once"
          + " both accept connections.",
      "Exit 1: the tier is not federated, a dependency is missing (each named with a remedy), or"
          + " a listener cannot start."
    })
final class ServeCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin ConfigOption config;

  ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    GatewayConfig loaded = config.load(context.environment());
    if (loaded.gateway().tier() != Tier.FEDERATED) {
      return context.fail(
          ExitCode.ERROR,
          "gateway serve runs only in the federated tier ("
              + ConfigKeys.GATEWAY_TIER
              + " is "
              + loaded.gateway().tier().configName()
              + "); set it to federated and configure PostgreSQL, Valkey and a CA");
    }
    HostPort listen =
        loaded
            .federation()
            .listen()
            .orElseThrow(
                () ->
                    new CliException(
                        ExitCode.ERROR, ConfigKeys.FEDERATION_LISTEN + ": required to serve"));
    String localHost =
        loaded
            .local()
            .listen()
            .orElseThrow(
                () ->
                    new CliException(
                        ExitCode.ERROR, ConfigKeys.LOCAL_LISTEN + ": required to serve"))
            .host();
    GatewayServices gateway = context.wiring().apply(loaded);
    FederationListener listener;
    LocalListener local;
    int port;
    int localPort;
    try {
      DoctorReport report = gateway.doctor().run();
      if (!report.satisfied()) {
        // A process that has just started (cold classes, a busy host, a dependency still coming
        // up) can miss a probe's timeout; a dependency that is really missing fails again.
        context.warn("the dependency checks failed; checking once more before giving up");
        report = gateway.doctor().run();
      }
      List<CheckOutcome> failed =
          report.outcomes().stream().filter(o -> o.result().status() == CheckStatus.FAIL).toList();
      report.outcomes().stream()
          .filter(o -> o.result().status() == CheckStatus.WARN)
          .forEach(o -> context.warn(describe(o)));
      if (!report.satisfied()) {
        context.fail(
            ExitCode.ERROR,
            "cannot serve: the federated tier is not satisfied ("
                + failed.size()
                + " check"
                + (failed.size() == 1 ? "" : "s")
                + " failed; run mosaic gateway doctor for the full report)");
        failed.forEach(o -> context.err().println("  " + describe(o)));
        gateway.close();
        return ExitCode.ERROR;
      }
      listener = gateway.federationListener();
      port = listener.start();
      try {
        local = gateway.localListener();
        localPort = local.start();
      } catch (RuntimeException e) {
        listener.close();
        throw e;
      }
    } catch (RuntimeException e) {
      gateway.close();
      throw e;
    }
    DailyAuditArchive archive =
        DailyAuditArchive.start(
            gateway.archiveAudit(),
            DailyAuditArchive.FIRST_RUN,
            DailyAuditArchive.PERIOD,
            line -> {
              context.err().println(line);
              context.err().flush();
            });
    RenewalTicker renewal =
        RenewalTicker.start(
            gateway.renewalScheduler(),
            line -> {
              context.err().println(line);
              context.err().flush();
            });
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    renewal.close();
                    archive.close();
                    local.close();
                  } finally {
                    try {
                      listener.close();
                    } finally {
                      gateway.close();
                      stopped.countDown();
                    }
                  }
                },
                "mosaic-shutdown"));
    context.out().println("listening on https://" + new HostPort(listen.host(), port));
    context.out().println("session API on http://" + new HostPort(localHost, localPort));
    context.out().flush();
    stopped.await();
    return ExitCode.OK;
  }

  private static String describe(CheckOutcome outcome) {
    CheckResult result = outcome.result();
    return outcome.name()
        + ": "
        + result.detail()
        + (result.remedy().isBlank() ? "" : " — remedy: " + result.remedy());
  }
}
