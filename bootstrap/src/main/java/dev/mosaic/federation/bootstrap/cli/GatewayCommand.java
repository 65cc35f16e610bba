package dev.mosaic.federation.bootstrap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mosaic gateway}: operating the gateway itself. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description =
        "Operate this gateway: run it, run the two-gateway demo, migrate its schema, check its"
            + " dependencies.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      MigrateCommand.class,
      DoctorCommand.class
    })
public final class GatewayCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }
}
