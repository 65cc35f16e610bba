package dev.mosaic.federation.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, uniquely named PostgreSQL database per test class, created on the server named by {@code
 * MOSAIC_TEST_DATABASE_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/mosaic_test}, user
 * {@code MOSAIC_TEST_DATABASE_USER}, default {@code postgres}, password {@code
 * MOSAIC_TEST_DATABASE_PASSWORD}) and dropped after the class. Register it with
 * {@code @RegisterExtension static final TestDatabase database = TestDatabase.empty();} (or {@link
 * #migrated()}). A missing server fails the test with a message saying what to do; nothing is
 * skipped.
 *
 * <p>Databases are named {@code mosaic_t_<utc timestamp>_<random>}; ones older than six hours are
 * left-overs of killed test runs and are dropped when the first database of a run is created.
 */
final class TestDatabase implements BeforeAllCallback, AfterAllCallback {
  private static final String PREFIX = "mosaic_t_";

  /** PREFIX as a LIKE pattern: '_' is a wildcard there (and would match mosaic_test). */
  private static final String LIKE_PREFIX = "mosaic\\_t\\_%";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final AtomicBoolean LEFTOVERS_DROPPED = new AtomicBoolean();

  private final boolean migrate;
  private String name;
  private DatabaseSettings settings;
  private HikariDataSource pool;
  private JooqTransactor transactor;
  private int containers;

  private TestDatabase(boolean migrate) {
    this.migrate = migrate;
  }

  /** A fresh schema with every migration applied. */
  static TestDatabase migrated() {
    return new TestDatabase(true);
  }

  /** A fresh database with nothing in it. */
  static TestDatabase empty() {
    return new TestDatabase(false);
  }

  /** Settings of the server's administrative database (the configured test database). */
  static DatabaseSettings serverSettings() {
    return new DatabaseSettings(
        setting("MOSAIC_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/mosaic_test"),
        setting("MOSAIC_TEST_DATABASE_USER", "postgres"),
        setting("MOSAIC_TEST_DATABASE_PASSWORD", ""));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // JUnit calls this again for every @Nested class; those share the enclosing class's storage.
    if (containers++ > 0) {
      return;
    }
    DatabaseSettings server = serverSettings();
    if (LEFTOVERS_DROPPED.compareAndSet(false, true)) {
      dropLeftovers(server);
    }
    name =
        PREFIX
            + LocalDateTime.now(ZoneOffset.UTC).format(STAMP)
            + "_"
            + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    if (migrate) {
      // A schema of the test database: far cheaper to create and drop than a database. The
      // extension lives in public (one per database), which stays on the search path.
      enableVectorInPublic(server);
      execute(server, "create schema " + name);
      settings =
          new DatabaseSettings(
              withParameter(server.url(), "currentSchema", name + ",public"),
              server.user(),
              server.password());
      new DatabaseMigrator(dataSource()).migrate();
    } else {
      execute(server, "create database " + name);
      settings =
          new DatabaseSettings(withDatabase(server.url(), name), server.user(), server.password());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (--containers > 0) {
      return;
    }
    if (pool != null) {
      pool.close();
    }
    if (name != null) {
      execute(
          serverSettings(),
          migrate
              ? "drop schema if exists " + name + " cascade"
              : "drop database if exists " + name + " with (force)");
    }
  }

  /** The name of this class's schema (or database). */
  String name() {
    return name;
  }

  /** The settings of this class's database. */
  DatabaseSettings settings() {
    if (settings == null) {
      throw new IllegalStateException("register TestDatabase as a static @RegisterExtension field");
    }
    return settings;
  }

  /** A pool on this class's database, built like production's; closed after the class. */
  synchronized DataSource dataSource() {
    if (pool == null) {
      pool = DataSources.pooled(settings());
    }
    return pool;
  }

  /** The jOOQ context every repository under test shares, built like production's. */
  synchronized JooqTransactor transactor() {
    if (transactor == null) {
      transactor = new JooqTransactor(PersistenceModule.dslContext(dataSource()));
    }
    return transactor;
  }

  /**
   * Empties every table of the schema (except Flyway's history), so that each test starts from a
   * migrated, empty database.
   */
  void truncateAll() {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(
          "do $$ declare tables text; begin"
              + " select string_agg(format('%I', tablename), ', ') into tables from pg_tables"
              + " where schemaname = current_schema() and tablename <> 'flyway_schema_history';"
              + " if tables is not null then execute 'truncate table ' || tables || ' cascade';"
              + " end if; end $$");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the test database", e);
    }
  }

  /** A new connection to this class's database; the caller closes it. */
  Connection connect() throws SQLException {
    DatabaseSettings s = settings();
    return DriverManager.getConnection(s.url(), s.user(), s.password());
  }

  private static void dropLeftovers(DatabaseSettings server) {
    stale(server, "select datname from pg_database where datname like '" + LIKE_PREFIX + "'")
        .forEach(db -> execute(server, "drop database if exists " + db + " with (force)"));
    stale(server, "select nspname from pg_namespace where nspname like '" + LIKE_PREFIX + "'")
        .forEach(schema -> execute(server, "drop schema if exists " + schema + " cascade"));
  }

  private static List<String> stale(DatabaseSettings server, String namesQuery) {
    String cutoff = LocalDateTime.now(ZoneOffset.UTC).minusHours(6).format(STAMP);
    List<String> stale = new ArrayList<>();
    try (Connection c = adminConnection(server);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(namesQuery)) {
      while (rs.next()) {
        String candidate = rs.getString(1);
        String stamp = candidate.substring(PREFIX.length()).split("_", 2)[0];
        if (stamp.length() == 14 && stamp.compareTo(cutoff) < 0) {
          stale.add(candidate);
        }
      }
    } catch (SQLException e) {
      throw unreachable(server, e);
    }
    return stale;
  }

  /**
   * Creates {@code vector} in the public schema of the test database when the server offers it, so
   * that the migrations of every test schema find it there instead of creating it in their own
   * schema (and dropping it with that schema).
   */
  private static void enableVectorInPublic(DatabaseSettings server) {
    try (Connection c = adminConnection(server);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select exists (select 1 from pg_available_extensions where name = 'vector')")) {
      rs.next();
      if (rs.getBoolean(1)) {
        s.execute("create extension if not exists vector schema public");
      }
    } catch (SQLException e) {
      // a concurrent run created it a moment ago: nothing to do
      if (!"23505".equals(e.getSQLState()) && !"42710".equals(e.getSQLState())) {
        throw unreachable(server, e);
      }
    }
  }

  private static void execute(DatabaseSettings server, String sql) {
    try (Connection c = adminConnection(server);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database statement failed: " + sql, e);
    }
  }

  private static Connection adminConnection(DatabaseSettings server) {
    try {
      return DriverManager.getConnection(server.url(), server.user(), server.password());
    } catch (SQLException e) {
      throw unreachable(server, e);
    }
  }

  private static IllegalStateException unreachable(DatabaseSettings server, SQLException e) {
    return new IllegalStateException(
        "PostgreSQL for the persistence tests is not usable at "
            + server.url()
            + " as "
            + server.user()
            + " ("
            + e.getMessage()
            + "). Run scripts/provision.sh (or start it with `pg_ctlcluster"
            + " --skip-systemctl-redirect 15 main start`), or point MOSAIC_TEST_DATABASE_URL /"
            + " MOSAIC_TEST_DATABASE_USER / MOSAIC_TEST_DATABASE_PASSWORD at a server where this"
            + " role may create databases.",
        e);
  }

  /** {@code url} with one more query parameter. */
  static String withParameter(String url, String key, String value) {
    return url + (url.contains("?") ? "&" : "?") + key + "=" + value;
  }

  /** {@code jdbc:postgresql://host:port/old?params} with {@code database} in place of old. */
  static String withDatabase(String url, String database) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String params = query < 0 ? "" : url.substring(query);
    int slash = base.lastIndexOf('/');
    if (slash < "jdbc:postgresql://".length()) {
      throw new IllegalStateException("cannot find the database name in " + url);
    }
    return base.substring(0, slash + 1) + database + params;
  }

  /**
   * The environment variable, else the same key in the services file scripts/provision.sh writes
   * (system property {@code mosaic.services.env}), else the default.
   */
  private static String setting(String key, String fallback) {
    String fromEnvironment = System.getenv(key);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    return servicesFile().map(entries -> entries.get(key)).orElse(fallback);
  }

  private static Optional<Map<String, String>> servicesFile() {
    String location = System.getProperty("mosaic.services.env");
    if (location == null || !Files.isReadable(Path.of(location))) {
      return Optional.empty();
    }
    try {
      Map<String, String> entries = new java.util.HashMap<>();
      for (String line : Files.readAllLines(Path.of(location))) {
        String trimmed = line.strip();
        if (trimmed.startsWith("export ")) {
          trimmed = trimmed.substring("export ".length()).strip();
        }
        int eq = trimmed.indexOf('=');
        if (trimmed.startsWith("#") || eq <= 0) {
          continue;
        }
        String value = trimmed.substring(eq + 1).strip();
        if (value.length() >= 2
            && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
          value = value.substring(1, value.length() - 1);
        }
        entries.put(trimmed.substring(0, eq).strip(), value);
      }
      return Optional.of(entries);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + location, e);
    }
  }
}
