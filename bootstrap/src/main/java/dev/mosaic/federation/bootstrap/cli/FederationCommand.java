package dev.mosaic.federation.bootstrap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mosaic federation}: grants (serving side) and links (requesting side). */
@Command(
    name = "federation",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description =
        "Federation between gateways: grants this gateway serves, links it holds, queries"
            + " through them.",
    subcommands = {
      GrantCommand.class,
      PeerCommand.class,
      FederationQueryCommand.class,
      RenewCommand.class,
      StatusCommand.class,
      AuditCommand.class
    })
final class FederationCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }
}
