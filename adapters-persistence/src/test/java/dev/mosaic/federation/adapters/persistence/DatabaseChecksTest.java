package dev.mosaic.federation.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.CheckStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** The doctor probes on an unmigrated database and on an unreachable server. */
class DatabaseChecksTest {
  @RegisterExtension static final TestDatabase database = TestDatabase.empty();

  @Test
  void migrations_onEmptyDatabase_failsAndSaysToMigrate() {
    CheckResult result =
        new DatabaseChecks.MigrationsCurrent(new DatabaseMigrator(database.dataSource())).check();

    assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(result.detail()).startsWith("5 migration(s) pending");
    assertThat(result.remedy()).isEqualTo("run `mosaic gateway migrate`");
  }

  @Test
  void vector_missingButRequired_failsAndSaysToMigrate() {
    CheckResult result =
        new DatabaseChecks.VectorPresent(
                database.dataSource(), Optional.of(VectorRequirement.REQUIRED))
            .check();

    assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(result.detail()).contains("semantic search is off");
    assertThat(result.remedy()).contains("mosaic gateway migrate");
  }

  @Test
  void vector_missingAndOptional_onlyWarns() {
    CheckResult result =
        new DatabaseChecks.VectorPresent(
                database.dataSource(), Optional.of(VectorRequirement.OPTIONAL))
            .check();

    assertThat(result.status()).isEqualTo(CheckStatus.WARN);
  }

  @Test
  void database_reachable_reportsServerAndDatabase() {
    CheckResult result = new DatabaseChecks.Reachable(database.dataSource()).check();

    assertThat(result.status()).isEqualTo(CheckStatus.OK);
    assertThat(result.detail()).startsWith("PostgreSQL 15").endsWith(database.name());
  }

  @Test
  void database_unreachable_failsWithReasonAndRemedy() {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setURL("jdbc:postgresql://127.0.0.1:1/nowhere");

    CheckResult result = new DatabaseChecks.Reachable(nowhere).check();

    assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(result.detail()).startsWith("database unavailable while probing the database: ");
    assertThat(result.remedy()).contains("database.url");
  }
}
