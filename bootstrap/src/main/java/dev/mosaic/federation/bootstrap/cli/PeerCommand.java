package dev.mosaic.federation.bootstrap.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mosaic.federation.application.port.in.AddLinkCommand;
import dev.mosaic.federation.application.port.in.AddLinkResult;
import dev.mosaic.federation.application.port.in.LinkView;
import dev.mosaic.federation.application.port.in.ListLinksCommand;
import dev.mosaic.federation.application.port.in.ListLinksResult;
import dev.mosaic.federation.application.port.in.RemoveLinkCommand;
import dev.mosaic.federation.application.port.in.RemoveLinkResult;
import dev.mosaic.federation.bootstrap.GatewayServices;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mosaic federation peer add|list|remove}: the requesting side's links. */
@Command(
    name = "peer",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description = "Manage this gateway's links to serving gateways (the requesting side, A).")
final class PeerCommand implements Runnable {
  private final CliContext context;

  @Spec CommandSpec spec;

  PeerCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Enroll with a serving gateway using the enrollment URL its operator gave you: generates"
            + " a key, checks the gateway's CA against the URL's pin and its certificate against"
            + " the host name, and only then sends the token; stores the link with its key"
            + " sealed.",
        "Exit 2: not an enrollment URL or invalid --name, 3: no such local user, 4: the user has"
            + " a link of that name, 5: the gateway is untrusted (pin or host name), unreachable or"
            + " refused, 1: its certificate is unacceptable."
      })
  int add(
      @Mixin ConfigOption config,
      @Option(names = "--json", description = "Print the link as JSON.") boolean json,
      @Option(
              names = "--local-user",
              required = true,
              paramLabel = "<handle>",
              description = "The local user who will own the link.")
          String localUser,
      @Option(
              names = "--name",
              paramLabel = "<alias>",
              description = "The name to address the peer by (default: the URL's host).")
          String name,
      @Parameters(
              paramLabel = "<enrollment-url>",
              description = "https://…/api/federation/enrollment#token=…&pin=sha256:…")
          String url) {
    AddLinkResult result;
    try (GatewayServices gateway = config.open(context)) {
      result = gateway.addLink().add(new AddLinkCommand(url, localUser, Optional.ofNullable(name)));
    }
    return switch (result) {
      case AddLinkResult.Added added -> {
        LinkView link = added.link();
        if (json) {
          Json.print(context.out(), Json.link(link));
        } else {
          context
              .out()
              .println(
                  "linked "
                      + link.localUserHandle()
                      + " to "
                      + link.peerName()
                      + " at "
                      + link.endpoint()
                      + ": grant "
                      + link.grantId()
                      + ", certificate valid until "
                      + link.certificateNotAfter());
        }
        yield ExitCode.OK;
      }
      case AddLinkResult.InvalidUrl invalid -> context.fail(ExitCode.USAGE, invalid.message());
      case AddLinkResult.InvalidName invalid ->
          context.fail(ExitCode.USAGE, "--name: " + invalid.message());
      case AddLinkResult.UnknownLocalUser unknown ->
          context.fail(
              ExitCode.NOT_FOUND, "no local user has the handle '" + unknown.handle() + "'");
      case AddLinkResult.DuplicateName duplicate ->
          context.fail(
              ExitCode.CONFLICT,
              localUser
                  + " already has a link named "
                  + duplicate.name()
                  + "; remove it first or choose another --name");
      case AddLinkResult.Untrusted untrusted ->
          context.fail(
              ExitCode.REMOTE,
              untrusted.gateway()
                  + " is not trusted under the pin sha256:"
                  + untrusted.pin().hex()
                  + ": "
                  + untrusted.detail()
                  + "; the token was not sent");
      case AddLinkResult.PinMismatch mismatch ->
          context.fail(
              ExitCode.REMOTE,
              "the CA root served by "
                  + mismatch.gateway()
                  + " has fingerprint sha256:"
                  + mismatch.served().hex()
                  + ", which does not match the pin sha256:"
                  + mismatch.pin().hex()
                  + " in the enrollment URL; the token was not sent");
      case AddLinkResult.Unreachable unreachable ->
          context.fail(
              ExitCode.REMOTE, unreachable.gateway() + " is unreachable: " + unreachable.detail());
      case AddLinkResult.UnknownToken unknown ->
          context.fail(
              ExitCode.REMOTE,
              unknown.gateway() + " does not know this enrollment token; ask for a new URL");
      case AddLinkResult.TokenGone gone ->
          context.fail(
              ExitCode.REMOTE,
              gone.gateway()
                  + " refused the enrollment token: "
                  + gone.message()
                  + "; ask for a new URL");
      case AddLinkResult.Refused refused ->
          context.fail(
              ExitCode.REMOTE,
              refused.gateway()
                  + " refused the enrollment (HTTP "
                  + refused.statusCode()
                  + (refused.message() == null || refused.message().isBlank()
                      ? ""
                      : ": " + refused.message())
                  + ")");
      case AddLinkResult.InvalidCertificate invalid ->
          context.fail(
              ExitCode.ERROR,
              invalid.gateway()
                  + " returned an unacceptable certificate: "
                  + invalid.reason()
                  + "; nothing was stored");
    };
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the links (of one local user, or all). Exit 3: no such local user.")
  int list(
      @Mixin ConfigOption config,
      @Option(names = "--json", description = "Print a JSON array.") boolean json,
      @Option(names = "--local-user", paramLabel = "<handle>", description = "Only this user's.")
          String localUser) {
    ListLinksResult result;
    try (GatewayServices gateway = config.open(context)) {
      result =
          gateway
              .listLinks()
              .list(localUser == null ? ListLinksCommand.all() : ListLinksCommand.of(localUser));
    }
    return switch (result) {
      case ListLinksResult.Listed listed -> {
        if (json) {
          ArrayNode array = Json.array();
          listed.links().forEach(l -> array.add(Json.link(l)));
          Json.print(context.out(), array);
        } else {
          Table table =
              new Table("LOCAL USER", "PEER", "ENDPOINT", "STATE", "GRANT", "CERTIFICATE UNTIL");
          for (LinkView l : listed.links()) {
            table.row(
                l.localUserHandle(),
                l.peerName().value(),
                l.endpoint().toString(),
                l.state().wireName(),
                l.grantId().value().toString(),
                l.certificateNotAfter().toString());
          }
          table.print(context.out());
        }
        yield ExitCode.OK;
      }
      case ListLinksResult.UnknownLocalUser unknown ->
          context.fail(
              ExitCode.NOT_FOUND, "no local user has the handle '" + unknown.handle() + "'");
    };
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = {
        "Remove a local user's link (its key, health and cached answers). The grant on the"
            + " serving gateway stays until its operator revokes it.",
        "Exit 3: no such local user or link."
      })
  int remove(
      @Mixin ConfigOption config,
      @Option(
              names = "--local-user",
              required = true,
              paramLabel = "<handle>",
              description = "The link's owner.")
          String localUser,
      @Parameters(paramLabel = "<name>") String name) {
    RemoveLinkResult result;
    try (GatewayServices gateway = config.open(context)) {
      result = gateway.removeLink().remove(new RemoveLinkCommand(localUser, name));
    }
    return switch (result) {
      case RemoveLinkResult.Removed removed -> {
        context
            .out()
            .println(
                "removed link "
                    + removed.link().peerName()
                    + " of "
                    + removed.link().localUserHandle()
                    + " (grant "
                    + removed.link().grantId()
                    + " at "
                    + removed.link().endpoint()
                    + " stays until its operator revokes it)");
        yield ExitCode.OK;
      }
      case RemoveLinkResult.UnknownLocalUser unknown ->
          context.fail(
              ExitCode.NOT_FOUND, "no local user has the handle '" + unknown.handle() + "'");
      case RemoveLinkResult.NotFound notFound ->
          context.fail(
              ExitCode.NOT_FOUND, localUser + " has no link named '" + notFound.name() + "'");
    };
  }
}
