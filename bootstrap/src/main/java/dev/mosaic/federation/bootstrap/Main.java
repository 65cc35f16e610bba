package dev.mosaic.federation.bootstrap;

import dev.mosaic.federation.bootstrap.cli.Cli;
import dev.mosaic.federation.bootstrap.cli.CliContext;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the standalone gateway jar: the {@code mosaic} command (SPEC §10). */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    CliContext context = new CliContext(System.getenv(), out, err, GatewayComponent::create);
    System.exit(run(args, context));
  }

  /** Runs one {@code mosaic} command in-process and returns its exit code. */
  public static int run(String[] args, CliContext context) {
    return Cli.run(args, context);
  }
}
