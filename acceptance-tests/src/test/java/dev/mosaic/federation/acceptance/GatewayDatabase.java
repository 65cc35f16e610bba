package dev.mosaic.federation.acceptance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One gateway's own PostgreSQL database, created empty on the test server and dropped by {@link
 * #close()}; the gateway migrates it itself ({@code mosaic gateway migrate}). Databases are named
 * {@code mosaic_acc_<utc timestamp>_<random>}; ones older than six hours are left-overs of killed
 * runs and are dropped when the first database of a run is created. Tests read the gateway's rows
 * back with {@link #rows} and {@link #count}.
 */
final class GatewayDatabase implements AutoCloseable {
  private static final String PREFIX = "mosaic_acc_";
  private static final String LIKE_PREFIX = "mosaic\\_acc\\_%";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final AtomicBoolean LEFTOVERS_DROPPED = new AtomicBoolean();

  private final String name;
  private final String url;

  private GatewayDatabase(String name) {
    this.name = name;
    this.url = withDatabase(TestServices.databaseUrl(), name);
  }

  /** Creates a fresh, empty database. */
  static GatewayDatabase create() {
    if (LEFTOVERS_DROPPED.compareAndSet(false, true)) {
      dropLeftovers();
    }
    String name =
        PREFIX
            + LocalDateTime.now(ZoneOffset.UTC).format(STAMP)
            + "_"
            + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    admin("create database " + name);
    return new GatewayDatabase(name);
  }

  String name() {
    return name;
  }

  /** The JDBC URL the gateway is configured with. */
  String url() {
    return url;
  }

  /** Every row {@code sql} selects, as column → value maps in column order. */
  List<Map<String, Object>> rows(String sql, Object... parameters) {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i), rs.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("query on " + name + " failed: " + sql, e);
    }
  }

  /** The rows of {@code federation_audit_log} written for one request ({@code X-Request-Id}). */
  List<Map<String, Object>> auditOf(String requestId) {
    return rows(
        "select event, outcome, reason, status_code, rows_out, grant_id, subject_user_id, resource,"
            + " cert_fingerprint, query_hash, trace_id from federation_audit_log"
            + " where request_id::text = ?",
        String.valueOf(requestId));
  }

  /** {@code select count(*) from <table>}. */
  long count(String table) {
    return ((Number) rows("select count(*) as n from " + table).getFirst().get("n")).longValue();
  }

  /**
   * Every row of every {@code federation_*} table (and {@code users}), ordered, as text: compare
   * two snapshots to prove that nothing changed.
   */
  Map<String, List<Map<String, Object>>> snapshot() {
    Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    for (Map<String, Object> table :
        rows(
            "select tablename from pg_tables where schemaname = current_schema()"
                + " and (tablename like 'federation\\_%' or tablename = 'users')"
                + " order by tablename")) {
      String tableName = (String) table.get("tablename");
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Map<String, Object> row : rows("select * from " + tableName + " order by 1")) {
        Map<String, Object> text = new LinkedHashMap<>();
        row.forEach((k, v) -> text.put(k, v == null ? null : String.valueOf(v)));
        rows.add(text);
      }
      tables.put(tableName, rows);
    }
    return tables;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(
        url, TestServices.databaseUser(), TestServices.databasePassword());
  }

  @Override
  public void close() {
    admin("drop database if exists " + name + " with (force)");
  }

  private static void dropLeftovers() {
    String cutoff = LocalDateTime.now(ZoneOffset.UTC).minusHours(6).format(STAMP);
    List<String> stale = new ArrayList<>();
    try (Connection c = adminConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select datname from pg_database where datname like '" + LIKE_PREFIX + "'")) {
      while (rs.next()) {
        String candidate = rs.getString(1);
        String stamp = candidate.substring(PREFIX.length()).split("_", 2)[0];
        if (stamp.length() == 14 && stamp.compareTo(cutoff) < 0) {
          stale.add(candidate);
        }
      }
    } catch (SQLException e) {
      throw unreachable(e);
    }
    stale.forEach(db -> admin("drop database if exists " + db + " with (force)"));
  }

  private static void admin(String sql) {
    try (Connection c = adminConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("statement on the test server failed: " + sql, e);
    }
  }

  private static Connection adminConnection() {
    try {
      return DriverManager.getConnection(
          TestServices.databaseUrl(), TestServices.databaseUser(), TestServices.databasePassword());
    } catch (SQLException e) {
      throw unreachable(e);
    }
  }

  private static IllegalStateException unreachable(SQLException e) {
    return new IllegalStateException(
        "PostgreSQL for the acceptance tests is not usable at "
            + TestServices.databaseUrl()
            + " as "
            + TestServices.databaseUser()
            + " ("
            + e.getMessage()
            + "). Run scripts/provision.sh, or point MOSAIC_TEST_DATABASE_URL /"
            + " MOSAIC_TEST_DATABASE_USER / MOSAIC_TEST_DATABASE_PASSWORD at a server where this"
            + " role may create databases.",
        e);
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
}
