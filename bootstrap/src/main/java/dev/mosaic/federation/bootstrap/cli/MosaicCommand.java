package dev.mosaic.federation.bootstrap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mosaic}: the root of the command tree (SPEC §10). */
@Command(
    name = "mosaic",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description = "Mosaic Federation gateway.",
    subcommands = {
      GatewayCommand.class,
      UserCommand.class,
      TeamCommand.class,
      DataCommand.class,
      FederationCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 error, 2 usage, 3 not found, 4 conflict, 5 remote peer refused or"
          + " unreachable.",
      "Set MOSAIC_DEBUG=1 to print stack traces."
    })
public final class MosaicCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }
}
