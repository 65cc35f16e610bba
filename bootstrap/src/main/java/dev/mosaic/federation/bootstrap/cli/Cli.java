package dev.mosaic.federation.bootstrap.cli;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.bootstrap.config.ConfigException;
import picocli.CommandLine;

/**
 * Runs the {@code mosaic} command tree in-process: parses {@code args}, executes the command and
 * returns its exit code. Failures become one line on stderr (a stack trace too when {@code
 * MOSAIC_DEBUG=1}).
 */
public final class Cli {
  private Cli() {}

  public static int run(String[] args, CliContext context) {
    CommandLine commandLine = new CommandLine(MosaicCommand.class, new CommandFactory(context));
    commandLine.setOut(context.out());
    commandLine.setErr(context.err());
    commandLine.setParameterExceptionHandler(
        (e, argv) -> {
          context.err().println("mosaic: " + e.getMessage());
          context
              .err()
              .println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCode.USAGE;
        });
    commandLine.setExecutionExceptionHandler(
        (e, cl, parseResult) -> {
          context.err().println("mosaic: " + describe(e));
          if (context.debug()) {
            e.printStackTrace(context.err());
          }
          return e instanceof CliException cli ? cli.exitCode() : ExitCode.ERROR;
        });
    int code = commandLine.execute(args);
    context.out().flush();
    context.err().flush();
    return code;
  }

  private static String describe(Exception e) {
    return switch (e) {
      case ConfigException c -> c.getMessage();
      case CliException c -> c.getMessage();
      case InfrastructureException i -> i.getMessage();
      default ->
          "unexpected "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + " (set MOSAIC_DEBUG=1 for the stack trace)";
    };
  }
}
