package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The database probes of {@code mosaic gateway doctor}. */
final class DatabaseChecks {
  private static final String CHECK_SETTINGS =
      "start PostgreSQL, or fix database.url / database.user / database.password";

  private DatabaseChecks() {}

  /** {@code database}: a connection can be opened and answers. */
  static final class Reachable implements DependencyCheck {
    private final DataSource dataSource;

    @Inject
    Reachable(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    public String name() {
      return "database";
    }

    @Override
    public CheckResult check() {
      try (Connection c = dataSource.getConnection();
          PreparedStatement s =
              c.prepareStatement("select current_database(), current_setting('server_version')");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        return CheckResult.ok(
            "PostgreSQL " + rs.getString(2) + " reachable, database " + rs.getString(1));
      } catch (SQLException | RuntimeException e) {
        return unreachable(e);
      }
    }
  }

  /** {@code migrations}: the schema is at this build's latest migration. */
  static final class MigrationsCurrent implements DependencyCheck {
    private final DatabaseMigrator migrator;

    @Inject
    MigrationsCurrent(DatabaseMigrator migrator) {
      this.migrator = migrator;
    }

    @Override
    public String name() {
      return "migrations";
    }

    @Override
    public CheckResult check() {
      DatabaseMigrator.SchemaStatus status;
      try {
        status = migrator.status();
      } catch (RuntimeException e) {
        return unreachable(e);
      }
      String current = status.currentVersion().orElse("(empty)");
      String latest = status.latestVersion().orElse("(none)");
      if (status.failed()) {
        return CheckResult.fail(
            "a migration failed part-way; schema at version " + current,
            "restore the database from a backup or repair it by hand, then run `mosaic gateway"
                + " migrate`");
      }
      if (status.aheadOfBuild()) {
        return CheckResult.fail(
            "the schema (version " + current + ") is newer than this gateway (" + latest + ")",
            "run a gateway version that matches the database");
      }
      if (status.pending() > 0) {
        return CheckResult.fail(
            status.pending() + " migration(s) pending: schema at " + current + ", latest " + latest,
            "run `mosaic gateway migrate`");
      }
      return CheckResult.ok("schema at version " + current);
    }
  }

  /** {@code vector}: pgvector is installed and memory has its embedding column. */
  static final class VectorPresent implements DependencyCheck {
    private final DataSource dataSource;
    private final VectorRequirement requirement;

    @Inject
    VectorPresent(DataSource dataSource, Optional<VectorRequirement> requirement) {
      this.dataSource = dataSource;
      this.requirement = requirement.orElse(VectorRequirement.REQUIRED);
    }

    @Override
    public String name() {
      return "vector";
    }

    @Override
    public CheckResult check() {
      try (Connection c = dataSource.getConnection()) {
        Optional<String> installed =
            single(c, "select extversion from pg_extension where extname = 'vector'");
        boolean column =
            single(
                    c,
                    "select 1 from information_schema.columns where table_schema ="
                        + " current_schema() and table_name = 'memory' and column_name ="
                        + " 'embedding'")
                .isPresent();
        if (installed.isPresent() && column) {
          return CheckResult.ok(
              "pgvector " + installed.get() + " installed; semantic search over memory is on");
        }
        boolean available =
            single(c, "select 1 from pg_available_extensions where name = 'vector'").isPresent();
        String detail = "the vector extension is not in use: semantic search is off";
        String remedy =
            available
                ? "run `mosaic gateway migrate` (it enables vector when the server offers it)"
                : "install pgvector 0.8 on the PostgreSQL server, then run `mosaic gateway"
                    + " migrate`";
        return requirement == VectorRequirement.REQUIRED
            ? CheckResult.fail(detail + " (required by this tier)", remedy)
            : CheckResult.warn(detail + "; keyword search works", remedy);
      } catch (SQLException | RuntimeException e) {
        return unreachable(e);
      }
    }

    private static Optional<String> single(Connection c, String sql) throws SQLException {
      try (PreparedStatement s = c.prepareStatement(sql);
          ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private static CheckResult unreachable(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String reason = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    if (reason.length() > 200) {
      reason = reason.substring(0, 200) + "…";
    }
    return CheckResult.fail(
        SqlFailures.translate("probing the database", e).getMessage() + ": " + reason,
        CHECK_SETTINGS);
  }
}
