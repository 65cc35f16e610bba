package dev.mosaic.federation.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rules the migrations put into the schema itself, checked with plain SQL. */
class SchemaTest {
  private static final String A = "'" + "a".repeat(64) + "'";
  private static final String B = "'" + "b".repeat(64) + "'";
  private static final String C = "'" + "c".repeat(64) + "'";

  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  private final UUID grant = UUID.randomUUID();

  @BeforeEach
  void aGrant() throws SQLException {
    database.truncateAll();
    UUID peer = UUID.randomUUID();
    UUID subject = UUID.randomUUID();
    execute("insert into users (id, handle) values ('" + subject + "', 'subject')");
    execute(
        "insert into federation_peers (id, name, status, created_at) values ('"
            + peer
            + "', 'home.example', 'active', now())");
    execute(
        "insert into federation_grants (id, peer_id, subject_user_id, scope, status, created_at,"
            + " updated_at) values ('"
            + grant
            + "', '"
            + peer
            + "', '"
            + subject
            + "', '{}', 'active', now(), now())");
  }

  @Test
  void pinnedCertificates_aThirdPinForOneGrant_isRejected() throws SQLException {
    execute(pin("current", A));
    execute(pin("previous", B));

    assertThatThrownBy(() -> execute(pin("current", C)))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("federation_pinned_certificates_pkey");
    assertThatThrownBy(() -> execute(pin("older", C)))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("slot_check");
  }

  @Test
  void pinnedCertificates_sameFingerprintTwiceForOneGrant_isRejected() throws SQLException {
    execute(pin("current", A));

    assertThatThrownBy(() -> execute(pin("previous", A)))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("grant_id_fingerprint_key");
  }

  @Test
  void enrollmentTokens_sameHashTwice_isRejected() throws SQLException {
    execute(token(A));

    assertThatThrownBy(() -> execute(token(A)))
        .hasMessageContaining("federation_enrollment_tokens_pkey");
  }

  @Test
  void enrollmentTokens_issuedCertificateWithoutUse_isRejected() throws SQLException {
    assertThatThrownBy(
            () ->
                execute(
                    "insert into federation_enrollment_tokens (token_hash, grant_id, issued_at,"
                        + " expires_at, issued_certificate_fingerprint, issued_certificate_pem)"
                        + " values ("
                        + A
                        + ", '"
                        + grant
                        + "', now(), now() + interval '15 minutes', "
                        + B
                        + ", 'pem')"))
        .hasMessageContaining("check constraint");
  }

  @Test
  void grants_revokedWithoutRevokedAt_isRejected() {
    assertThatThrownBy(
            () ->
                execute(
                    "update federation_grants set status = 'revoked' where id = '" + grant + "'"))
        .hasMessageContaining("check constraint");
  }

  @Test
  void auditLogCold_hasTheColumnsOfTheAuditLogInOrder() throws SQLException {
    List<String> hot = columns("federation_audit_log");

    assertThat(hot)
        .containsExactly(
            "id:uuid",
            "occurred_at:timestamp with time zone",
            "request_id:uuid",
            "trace_id:text",
            "event:text",
            "grant_id:uuid",
            "peer_id:uuid",
            "subject_user_id:uuid",
            "cert_fingerprint:text",
            "resource:text",
            "query_hash:text",
            "outcome:text",
            "reason:text",
            "status_code:integer",
            "rows_out:bigint",
            "bytes_out:bigint",
            "latency_ms:bigint");
    assertThat(columns("federation_audit_log_cold")).isEqualTo(hot);
  }

  @Test
  void memory_onServerWithPgvector_hasA256DimensionEmbedding() throws SQLException {
    assertThat(columns("memory")).contains("embedding:vector(256)");
  }

  private String pin(String slot, String fingerprint) {
    return "insert into federation_pinned_certificates (grant_id, slot, fingerprint, serial_number,"
        + " not_after) values ('"
        + grant
        + "', '"
        + slot
        + "', "
        + fingerprint
        + ", 1, now())";
  }

  private String token(String hash) {
    return "insert into federation_enrollment_tokens (token_hash, grant_id, issued_at, expires_at)"
        + " values ("
        + hash
        + ", '"
        + grant
        + "', now(), now() + interval '15 minutes')";
  }

  private static List<String> columns(String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select attname || ':' || format_type(atttypid, atttypmod) from pg_attribute"
                    + " where attrelid = '"
                    + table
                    + "'::regclass and attnum > 0 and not attisdropped order by attnum")) {
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
    }
    return columns;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
