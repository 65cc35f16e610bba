package dev.mosaic.federation.bootstrap.cli;

import dev.mosaic.federation.application.port.in.LinkView;
import dev.mosaic.federation.application.port.in.RenewLinkCommand;
import dev.mosaic.federation.application.port.in.RenewLinkResult;
import dev.mosaic.federation.bootstrap.GatewayServices;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mosaic federation renew <peer> [--local-user <handle>]}: one forced renewal. */
@Command(
    name = "renew",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description = {
      "Renew a link's client certificate now, through the peer (a new key and CSR over the link's"
          + " current certificate); prints the new certificate's fingerprint and expiry.",
      "Exit 2: several local users have a link of that name (name one with --local-user),"
          + " 3: no such local user or link, 4: the link is revoked (it never renews again),"
          + " 5: the peer refused or is unreachable (the link is now degraded and keeps its"
          + " certificate)."
    })
final class RenewCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin ConfigOption config;

  @Option(names = "--json", description = "Print the renewed link as JSON.")
  boolean json;

  @Option(
      names = "--local-user",
      paramLabel = "<handle>",
      description = "The link's owner; needed when several local users have a link of that name.")
  String localUser;

  @Parameters(paramLabel = "<peer>", description = "The link's name.")
  String peer;

  RenewCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    RenewLinkResult result;
    try (GatewayServices gateway = config.open(context)) {
      result =
          gateway.renewLink().renew(new RenewLinkCommand(peer, Optional.ofNullable(localUser)));
    }
    return switch (result) {
      case RenewLinkResult.Renewed renewed -> {
        LinkView link = renewed.link();
        if (json) {
          Json.print(context.out(), Json.link(link));
        } else {
          context
              .out()
              .println(
                  "renewed "
                      + link.peerName()
                      + " ("
                      + link.localUserHandle()
                      + "): certificate sha256:"
                      + link.certificateFingerprint().hex()
                      + ", valid until "
                      + link.certificateNotAfter());
        }
        yield ExitCode.OK;
      }
      case RenewLinkResult.Ambiguous ambiguous ->
          context.fail(
              ExitCode.USAGE,
              "several local users have a link named "
                  + ambiguous.peerName()
                  + " ("
                  + String.join(", ", ambiguous.owners())
                  + "); name the owner with --local-user");
      case RenewLinkResult.UnknownLocalUser unknown ->
          context.fail(
              ExitCode.NOT_FOUND, "no local user has the handle '" + unknown.handle() + "'");
      case RenewLinkResult.NotFound notFound ->
          context.fail(
              ExitCode.NOT_FOUND,
              (localUser == null ? "no link" : localUser + " has no link")
                  + " named '"
                  + notFound.peerName()
                  + "'");
      case RenewLinkResult.Revoked revoked ->
          context.fail(
              ExitCode.CONFLICT,
              "the grant at "
                  + revoked.link().peerName()
                  + " has been revoked"
                  + (revoked.justRevoked() ? " (the peer said so just now)" : "")
                  + "; the link is never renewed again — ask the peer's operator for a new grant");
      case RenewLinkResult.Failed failed ->
          context.fail(
              ExitCode.REMOTE,
              "renewal of "
                  + failed.link().peerName()
                  + " failed: "
                  + failed.reason().replaceFirst("^renewal failed: ", "")
                  + "; the link is degraded, keeps its certificate (valid until "
                  + failed.link().certificateNotAfter()
                  + ") and is retried by the running gateway");
    };
  }
}
