package dev.mosaic.federation.bootstrap.cli;

import dev.mosaic.federation.bootstrap.GatewayServices;
import dev.mosaic.federation.bootstrap.config.GatewayConfig;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a command runs against: the environment (for configuration overrides and {@code
 * MOSAIC_DEBUG}), the output streams, and how to wire a gateway from its configuration. {@code
 * Main} passes the real ones; tests pass their own.
 */
public record CliContext(
    Map<String, String> environment,
    PrintWriter out,
    PrintWriter err,
    Function<GatewayConfig, GatewayServices> wiring) {

  public CliContext {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(wiring, "wiring");
  }

  /**
   * Prints {@code mosaic: <message>} on stderr and returns {@code exitCode}: how a command reports
   * an outcome that is not success.
   */
  public int fail(int exitCode, String message) {
    err.println("mosaic: " + message);
    return exitCode;
  }

  /** Prints {@code warning: <message>} on stderr. */
  public void warn(String message) {
    err.println("warning: " + message);
  }

  /** {@code MOSAIC_DEBUG=1}: print stack traces of failures. */
  public boolean debug() {
    return "1".equals(environment.get("MOSAIC_DEBUG"));
  }
}
