package dev.mosaic.federation.bootstrap.cli;

import dev.mosaic.federation.application.port.in.FederationStatusResult;
import dev.mosaic.federation.application.port.in.LinkStatus;
import dev.mosaic.federation.application.port.in.ListLinksCommand;
import dev.mosaic.federation.bootstrap.GatewayServices;
import dev.mosaic.federation.domain.link.LinkHealth;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mosaic federation status [--local-user <handle>] [--json]} (SPEC §8, AC-10). */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description = {
      "Show each link (of one local user, or all): peer and endpoint, link state, grant and its"
          + " status, certificate fingerprint, expiry and days left, next renewal, last success"
          + " and last failure (with the reason), circuit state, rate-limited-until and the clock"
          + " skew last measured against the peer (a warning above 5 minutes), as recorded by the"
          + " running gateway.",
      "Exit 3: no such local user."
    })
final class StatusCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin ConfigOption config;

  @Option(names = "--json", description = "Print the status document as JSON.")
  boolean json;

  @Option(names = "--local-user", paramLabel = "<handle>", description = "Only this user's links.")
  String localUser;

  StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    FederationStatusResult result;
    try (GatewayServices gateway = config.open(context)) {
      result =
          gateway
              .federationStatus()
              .status(localUser == null ? ListLinksCommand.all() : ListLinksCommand.of(localUser));
    }
    return switch (result) {
      case FederationStatusResult.Status status -> {
        if (json) {
          Json.print(context.out(), Json.MAPPER.valueToTree(status.toWire()));
        } else if (status.links().isEmpty()) {
          context.out().println("no links");
        } else {
          status.links().forEach(link -> print(context.out(), link));
        }
        status.links().stream()
            .filter(LinkStatus::clockSkewWarning)
            .forEach(
                link ->
                    context.warn(
                        "the clock of "
                            + link.link().peerName()
                            + " differs from this gateway's by "
                            + seconds(link.health().clockSkew().orElseThrow())
                            + " (more than 5 minutes); certificates may look expired or not yet"
                            + " valid"));
        yield ExitCode.OK;
      }
      case FederationStatusResult.UnknownLocalUser unknown ->
          context.fail(
              ExitCode.NOT_FOUND, "no local user has the handle '" + unknown.handle() + "'");
    };
  }

  private static void print(PrintWriter out, LinkStatus status) {
    var link = status.link();
    LinkHealth health = status.health();
    out.println(
        link.peerName()
            + " ("
            + link.localUserHandle()
            + "): "
            + link.state().wireName()
            + link.stateReason().map(r -> " — " + r).orElse(""));
    line(out, "endpoint", link.endpoint().toString());
    line(out, "grant", link.grantId() + " (" + status.grantStatus() + ")");
    line(out, "certificate", "sha256:" + link.certificateFingerprint().hex());
    line(
        out,
        "expires",
        link.certificateNotAfter()
            + " ("
            + (status.daysLeft() < 0 ? "expired" : status.daysLeft() + " days left")
            + ")");
    line(
        out, "next renewal", status.nextRenewal().map(Instant::toString).orElse("never (revoked)"));
    line(out, "last success", instant(health.lastSuccessAt()));
    line(
        out,
        "last failure",
        instant(health.lastFailureAt())
            + health.lastFailureReason().map(r -> " — " + r).orElse(""));
    line(out, "circuit", health.circuitState().wireName());
    line(out, "rate limited", health.rateLimitedUntil().map(u -> "until " + u).orElse("no"));
    line(
        out,
        "clock skew",
        health.clockSkew().map(StatusCommand::seconds).orElse("not measured yet")
            + (status.clockSkewWarning() ? "  WARNING: above 5 minutes" : ""));
  }

  private static void line(PrintWriter out, String label, String value) {
    out.printf("  %-13s %s%n", label, value);
  }

  private static String instant(Optional<Instant> value) {
    return value.map(Instant::toString).orElse("never");
  }

  private static String seconds(Duration skew) {
    return String.format(java.util.Locale.ROOT, "%+.1f s", skew.toMillis() / 1000.0);
  }
}
