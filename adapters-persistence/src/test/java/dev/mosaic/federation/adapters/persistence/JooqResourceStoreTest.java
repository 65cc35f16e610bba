package dev.mosaic.federation.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.contract.ResourceSeeder;
import dev.mosaic.federation.application.contract.ResourceStoreContract;
import dev.mosaic.federation.application.port.out.ResourceStore;
import dev.mosaic.federation.domain.scope.Resource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ResourceStoreContract} against real PostgreSQL. */
class JooqResourceStoreTest extends ResourceStoreContract {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  @Override
  protected ResourceStore createResourceStore() {
    return new JooqResourceStore(database.transactor());
  }

  @Override
  protected ResourceSeeder seeder() {
    return new SqlResourceSeeder(database);
  }

  @ParameterizedTest
  @CsvSource({"TASKS, tasks_search_idx", "NOTES, notes_search_idx", "MEMORY, memory_search_idx"})
  void keywordSearch_condition_canUseTheGinIndexOfTheMigration(Resource resource, String index)
      throws SQLException {
    ResourceTable table = ResourceTable.of(resource).orElseThrow();
    DSLContext render = DSL.using(SQLDialect.POSTGRES);
    String query =
        render.renderInlined(
            render.select(table.id()).from(table.table()).where(table.matches("zebrafrost")));

    StringBuilder plan = new StringBuilder();
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute("set enable_seqscan = off");
      try (ResultSet rs = s.executeQuery("explain " + query)) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }

    assertThat(plan.toString()).as("plan of %s", query).contains(index);
  }
}
