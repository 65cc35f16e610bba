package dev.mosaic.federation.bootstrap.cli;

import dev.mosaic.federation.adapters.persistence.DatabaseMigrator;
import dev.mosaic.federation.bootstrap.GatewayServices;
import dev.mosaic.federation.bootstrap.config.ConfigKeys;
import dev.mosaic.federation.bootstrap.config.GatewayConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mosaic gateway migrate}: applies the schema migrations to {@code database.url}. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description = "Apply pending database schema migrations to database.url.")
final class MigrateCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin ConfigOption config;

  MigrateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    GatewayConfig loaded = config.load(context.environment());
    GatewayConfig.Database database =
        loaded
            .database()
            .orElseThrow(
                () ->
                    new CliException(
                        ExitCode.ERROR,
                        ConfigKeys.DATABASE_URL
                            + ": required to migrate (tier "
                            + loaded.gateway().tier().configName()
                            + " has none configured)"));
    DatabaseMigrator.Migrated result;
    String version;
    try (GatewayServices gateway = context.wiring().apply(loaded)) {
      DatabaseMigrator migrator = gateway.databaseMigrator();
      result = migrator.migrate();
      version =
          result.schemaVersion().or(() -> migrator.status().currentVersion()).orElse("(empty)");
    }
    context
        .out()
        .println(
            result.applied() == 0
                ? "database " + database.url() + " is up to date at schema version " + version
                : "applied "
                    + result.applied()
                    + " migration"
                    + (result.applied() == 1 ? "" : "s")
                    + " to "
                    + database.url()
                    + "; schema version is now "
                    + version);
    return ExitCode.OK;
  }
}
