package dev.mosaic.federation.bootstrap;

import static dev.mosaic.federation.bootstrap.GatewayComponentTest.DATABASE_PASSWORD;
import static dev.mosaic.federation.bootstrap.GatewayComponentTest.DATABASE_URL;
import static dev.mosaic.federation.bootstrap.GatewayComponentTest.DATABASE_USER;
import static dev.mosaic.federation.bootstrap.GatewayComponentTest.passwordEnv;
import static dev.mosaic.federation.bootstrap.GatewayComponentTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.federation.bootstrap.GatewayComponentTest.Run;
import dev.mosaic.federation.bootstrap.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mosaic federation audit} in-process against a real PostgreSQL: recent rows, filters, and
 * rows the 90-day rollover moved, found again with {@code --historical}.
 */
class AuditCommandTest {
  static final String DATABASE = "mosaic_audit_cli_test";
  static final ObjectMapper JSON = new ObjectMapper();
  static final UUID GRANT = UUID.randomUUID();
  static final UUID OTHER_GRANT = UUID.randomUUID();
  static final UUID OLD_ROW = UUID.randomUUID();
  static final UUID RECENT_ROW = UUID.randomUUID();
  static final UUID OTHER_ROW = UUID.randomUUID();

  @TempDir static Path dir;
  static Path config;
  static String databaseUrl;

  @BeforeAll
  static void migratedDatabaseWithAnOldAndARecentRow() throws Exception {
    databaseUrl = DATABASE_URL.replaceFirst("/[^/?]*(\\?.*)?$", "/" + DATABASE + "$1");
    try (Connection c =
            DriverManager.getConnection(DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + DATABASE + " with (force)");
      s.execute("create database " + DATABASE);
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL at " + DATABASE_URL + " is needed (run scripts/provision.sh): " + e, e);
    }
    config =
        Files.writeString(
            dir.resolve("mosaic.yaml"),
            """
            gateway:
              name: work.example
            federation:
              listen: 127.0.0.1:0
              publicUrl: https://work.example:8443
            local:
              listen: 127.0.0.1:0
            database:
              url: %s
              user: %s
            valkey:
              url: redis://127.0.0.1:6380
            pki:
              mode: local
              local:
                dir: %s
            secrets:
              sealingKey: %s
            """
                .formatted(databaseUrl, DATABASE_USER, dir.resolve("ca"), "k".repeat(44)));
    Run migrate = run(passwordEnv(), "gateway", "migrate", "--config", config.toString());
    assertThat(migrate.code()).as(migrate.err()).isZero();
    Instant now = Instant.now();
    insert(OLD_ROW, GRANT, now.minus(Duration.ofDays(100)));
    insert(RECENT_ROW, GRANT, now.minus(Duration.ofDays(1)));
    insert(OTHER_ROW, OTHER_GRANT, now.minus(Duration.ofHours(1)));
  }

  @Test
  void audit_afterTheRollover_historicalFindsTheMovedRow_recentDoesNot() throws Exception {
    List<String> before = ids(audit("--grant", GRANT.toString(), "--json"));
    int moved;
    try (GatewayComponent gateway =
        GatewayComponent.create(ConfigLoader.load(Optional.of(config), passwordEnv()))) {
      moved = gateway.archiveAudit().archive();
    }
    List<String> recent = ids(audit("--grant", GRANT.toString(), "--json"));
    List<String> historical = ids(audit("--grant", GRANT.toString(), "--historical", "--json"));
    List<String> sinceLastWeek = ids(audit("--since", "7d", "--historical", "--json"));

    assertThat(before).containsExactly(OLD_ROW.toString(), RECENT_ROW.toString());
    assertThat(moved).isEqualTo(1);
    assertThat(recent).containsExactly(RECENT_ROW.toString());
    assertThat(historical).containsExactly(OLD_ROW.toString(), RECENT_ROW.toString());
    assertThat(sinceLastWeek).containsExactly(RECENT_ROW.toString(), OTHER_ROW.toString());
  }

  @Test
  void audit_jsonLines_carryTheColumns_tableHasAHeaderAndOneLinePerRow() throws Exception {
    Run json = run(passwordEnv(), args("--grant", OTHER_GRANT.toString(), "--json"));
    Run table = run(passwordEnv(), args("--grant", OTHER_GRANT.toString()));

    JsonNode row = JSON.readTree(json.out().strip());
    assertThat(row.get("id").asText()).isEqualTo(OTHER_ROW.toString());
    assertThat(row.get("grantId").asText()).isEqualTo(OTHER_GRANT.toString());
    assertThat(row.get("event").asText()).isEqualTo("list");
    assertThat(row.get("outcome").asText()).isEqualTo("rate_limited");
    assertThat(row.get("statusCode").asInt()).isEqualTo(429);
    assertThat(table.code()).isZero();
    assertThat(table.out().lines().toList()).hasSize(2).first().asString().startsWith("OCCURRED");
    assertThat(table.out()).contains("rate_limited").contains(OTHER_GRANT.toString());
  }

  @Test
  void audit_badArguments_exit2() {
    Run badGrant = run(passwordEnv(), args("--grant", "not-a-uuid"));
    Run badSince = run(passwordEnv(), args("--since", "yesterday"));
    Run badLimit = run(passwordEnv(), args("--limit", "0"));

    assertThat(badGrant.code()).isEqualTo(2);
    assertThat(badGrant.err()).contains("--grant");
    assertThat(badSince.code()).isEqualTo(2);
    assertThat(badSince.err()).contains("--since");
    assertThat(badLimit.code()).isEqualTo(2);
  }

  static String[] args(String... options) {
    List<String> all = new java.util.ArrayList<>(List.of("federation", "audit"));
    all.addAll(List.of(options));
    all.addAll(List.of("--config", config.toString()));
    return all.toArray(String[]::new);
  }

  static Run audit(String... options) {
    Run result = run(passwordEnv(), args(options));
    assertThat(result.code()).as(result.err()).isZero();
    return result;
  }

  static List<String> ids(Run result) throws Exception {
    List<String> ids = new java.util.ArrayList<>();
    for (String line : result.out().lines().toList()) {
      ids.add(JSON.readTree(line).get("id").asText());
    }
    return ids;
  }

  static void insert(UUID id, UUID grant, Instant at) throws SQLException {
    try (Connection c = DriverManager.getConnection(databaseUrl, DATABASE_USER, DATABASE_PASSWORD);
        PreparedStatement s =
            c.prepareStatement(
                "insert into federation_audit_log (id, occurred_at, event, grant_id, outcome,"
                    + " status_code) values (?, ?, 'list', ?, ?, ?)")) {
      boolean limited = grant.equals(OTHER_GRANT);
      s.setObject(1, id);
      s.setTimestamp(2, Timestamp.from(at));
      s.setObject(3, grant);
      s.setString(4, limited ? "rate_limited" : "allowed");
      s.setInt(5, limited ? 429 : 200);
      s.executeUpdate();
    }
  }
}
