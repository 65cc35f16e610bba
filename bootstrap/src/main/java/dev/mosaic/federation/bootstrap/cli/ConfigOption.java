package dev.mosaic.federation.bootstrap.cli;

import dev.mosaic.federation.bootstrap.GatewayServices;
import dev.mosaic.federation.bootstrap.config.ConfigLoader;
import dev.mosaic.federation.bootstrap.config.GatewayConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --config <file>} option every command takes. */
public final class ConfigOption {

  @Option(
      names = "--config",
      paramLabel = "<file>",
      description =
          "YAML configuration file. Every key can also be set, and overridden, by an environment"
              + " variable MOSAIC_<KEY_IN_UPPER_SNAKE_CASE>, e.g. MOSAIC_DATABASE_URL.")
  Path file;

  /** Loads and validates the configuration; throws {@code ConfigException} naming each problem. */
  GatewayConfig load(Map<String, String> environment) {
    return ConfigLoader.load(Optional.ofNullable(file), environment);
  }

  /** Loads the configuration and wires a gateway for it; the caller closes it. */
  GatewayServices open(CliContext context) {
    return context.wiring().apply(load(context.environment()));
  }
}
