package dev.mosaic.federation.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.CheckStatus;
import dev.mosaic.federation.application.port.out.SearchHit;
import dev.mosaic.federation.application.port.out.SearchRequest;
import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.resource.MemoryItem;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embedded tier's database, where memory has no embedding column (no pgvector): search with an
 * embedding still answers by keywords, and doctor only warns when vector is optional.
 */
class WithoutEmbeddingColumnTest {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  private static final UserId OWNER = new UserId(UUID.randomUUID());
  private static final MemoryItem NOTE =
      new MemoryItem(
          UUID.randomUUID(),
          OWNER,
          Optional.empty(),
          "fact",
          "the nebula report",
          Instant.parse("2026-01-01T00:00:00Z"),
          Instant.parse("2026-01-01T00:00:00Z"));

  @BeforeAll
  static void withoutEmbedding() throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute("alter table memory drop column embedding");
    }
    SqlResourceSeeder seeder = new SqlResourceSeeder(database);
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute("insert into users (id, handle) values ('" + OWNER.value() + "', 'owner')");
    }
    seeder.insert(NOTE);
  }

  @Test
  void search_withEmbedding_answersByKeywords() {
    JooqResourceStore store = new JooqResourceStore(database.transactor());
    List<Float> embedding = Collections.nCopies(JooqResourceStore.EMBEDDING_DIMENSIONS, 0.5f);

    List<SearchHit> hits =
        store.search(
            Resource.MEMORY,
            new EffectiveFilter(OWNER, true, Set.of()),
            new SearchRequest("nebula", 10, Optional.of(embedding)));

    assertThat(hits).extracting(SearchHit::item).containsExactly(NOTE);
  }

  @Test
  void vectorCheck_optional_warnsThatSemanticSearchIsOff() {
    CheckResult result =
        new DatabaseChecks.VectorPresent(
                database.dataSource(), Optional.of(VectorRequirement.OPTIONAL))
            .check();

    assertThat(result.status()).isEqualTo(CheckStatus.WARN);
    assertThat(result.detail()).contains("semantic search is off; keyword search works");
  }
}
