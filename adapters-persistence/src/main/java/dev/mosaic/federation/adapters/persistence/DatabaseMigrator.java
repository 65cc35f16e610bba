package dev.mosaic.federation.adapters.persistence;

import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the gateway's schema migrations ({@code mosaic gateway migrate}) and tells whether a
 * database is up to date ({@code mosaic gateway doctor}). Migrations live in {@code db/migration}
 * on the class path of this module.
 */
public final class DatabaseMigrator {
  private final DataSource dataSource;

  @Inject
  public DatabaseMigrator(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Applies every pending migration, each in its own transaction.
   *
   * @throws dev.mosaic.federation.application.port.out.InfrastructureException when the database is
   *     unreachable (transient) or a migration fails or does not match what was applied before
   */
  public Migrated migrate() {
    try {
      Flyway flyway = flyway();
      MigrateResult result = flyway.migrate();
      // Flyway names no target version when nothing ran; the schema then is where it was.
      Optional<String> version =
          Optional.ofNullable(result.targetSchemaVersion)
              .or(
                  () ->
                      Optional.ofNullable(flyway.info().current())
                          .map(m -> m.getVersion().getVersion()));
      return new Migrated(result.migrationsExecuted, version);
    } catch (FlywayException e) {
      throw SqlFailures.translate("migrating the database", e);
    }
  }

  /**
   * Where the database stands against the migrations this build carries.
   *
   * @throws dev.mosaic.federation.application.port.out.InfrastructureException when the database
   *     cannot be read (transient when unreachable)
   */
  public SchemaStatus status() {
    try {
      MigrationInfoService info = flyway().info();
      MigrationInfo[] all = info.all();
      Optional<String> current =
          Optional.ofNullable(info.current()).map(m -> m.getVersion().getVersion());
      Optional<String> latest =
          Arrays.stream(all)
              .filter(m -> m.getState().isResolved() && m.getVersion() != null)
              .reduce((first, second) -> second)
              .map(m -> m.getVersion().getVersion());
      int pending = info.pending().length;
      boolean failed = Arrays.stream(all).anyMatch(m -> m.getState().isFailed());
      boolean ahead = Arrays.stream(all).anyMatch(m -> !m.getState().isResolved());
      return new SchemaStatus(current, latest, pending, failed, ahead);
    } catch (FlywayException e) {
      throw SqlFailures.translate("reading the migration history", e);
    }
  }

  private Flyway flyway() {
    return Flyway.configure(DatabaseMigrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load();
  }

  /**
   * What {@link #migrate()} did.
   *
   * @param applied how many migrations ran now
   * @param schemaVersion the version the schema is at afterwards
   */
  public record Migrated(int applied, Optional<String> schemaVersion) {}

  /**
   * The database's schema against this build's migrations.
   *
   * @param currentVersion the last migration applied, empty for an empty database
   * @param latestVersion the newest migration this build carries
   * @param pending how many migrations are not applied yet
   * @param failed whether a migration failed half-way (needs an operator)
   * @param aheadOfBuild whether the database has migrations this build does not know (an older
   *     gateway against a newer schema)
   */
  public record SchemaStatus(
      Optional<String> currentVersion,
      Optional<String> latestVersion,
      int pending,
      boolean failed,
      boolean aheadOfBuild) {
    /** Whether the schema is exactly what this build expects. */
    public boolean isCurrent() {
      return pending == 0 && !failed && !aheadOfBuild;
    }
  }
}
