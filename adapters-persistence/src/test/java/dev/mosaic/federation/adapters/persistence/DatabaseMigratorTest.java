package dev.mosaic.federation.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** The migrations against a real, initially empty database, in order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseMigratorTest {
  private static final String LATEST = "005";

  @RegisterExtension static final TestDatabase database = TestDatabase.empty();

  @Test
  @Order(1)
  void status_ofEmptyDatabase_reportsEveryMigrationPending() {
    DatabaseMigrator.SchemaStatus status = new DatabaseMigrator(database.dataSource()).status();

    assertThat(status.currentVersion()).isEmpty();
    assertThat(status.latestVersion()).contains(LATEST);
    assertThat(status.pending()).isEqualTo(5);
    assertThat(status.isCurrent()).isFalse();
  }

  @Test
  @Order(2)
  void migrate_emptyDatabase_appliesEveryMigrationAndIsCurrent() {
    DatabaseMigrator migrator = new DatabaseMigrator(database.dataSource());

    DatabaseMigrator.Migrated migrated = migrator.migrate();

    assertThat(migrated).isEqualTo(new DatabaseMigrator.Migrated(5, Optional.of(LATEST)));
    assertThat(migrator.status().isCurrent()).isTrue();
    assertThat(migrator.status().currentVersion()).contains(LATEST);
  }

  @Test
  @Order(3)
  void migrate_whenCurrent_appliesNothing() {
    DatabaseMigrator.Migrated migrated = new DatabaseMigrator(database.dataSource()).migrate();

    assertThat(migrated.applied()).isZero();
    assertThat(migrated.schemaVersion()).contains(LATEST);
  }

  @Test
  @Order(4)
  void migrate_whenEmbeddingIsMissing_addsColumnAndIndexAgain() throws Exception {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute("alter table memory drop column embedding");
    }

    new DatabaseMigrator(database.dataSource()).migrate();

    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select pg_get_indexdef(to_regclass('memory_embedding_hnsw_idx'))")) {
      rs.next();
      assertThat(rs.getString(1)).endsWith("USING hnsw (embedding vector_cosine_ops)");
    }
  }

  @Test
  @Order(5)
  void migrate_whenServerUnreachable_throwsTransientInfrastructureException() {
    PGSimpleDataSource unreachable = new PGSimpleDataSource();
    unreachable.setURL("jdbc:postgresql://127.0.0.1:1/nowhere");

    assertThatThrownBy(() -> new DatabaseMigrator(unreachable).migrate())
        .isInstanceOfSatisfying(
            InfrastructureException.class, e -> assertThat(e.isTransient()).isTrue())
        .hasMessage("database unavailable while migrating the database");
  }
}
