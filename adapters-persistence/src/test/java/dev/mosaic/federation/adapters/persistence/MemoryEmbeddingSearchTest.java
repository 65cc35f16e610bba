package dev.mosaic.federation.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.pgvector.PGvector;
import dev.mosaic.federation.application.port.out.SearchHit;
import dev.mosaic.federation.application.port.out.SearchRequest;
import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The federated tier's semantic search over memory: the {@code vector} migration created {@code
 * memory.embedding vector(256)} with an HNSW cosine index, and pgvector 0.8's iterative scans keep
 * a filtered nearest-neighbour query returning rows past {@code hnsw.ef_search}. Fails when the
 * server has no pgvector.
 */
class MemoryEmbeddingSearchTest {
  private static final int DIMENSIONS = 256;
  private static final int BACKGROUND_ROWS = 3000;
  private static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  private static final UUID OTHER_TENANT = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
  private static final String NEAREST =
      "select id from memory where owner_user_id = ? order by embedding <=> ? limit ?";

  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  private static final float[] TARGET = randomUnitVector(new Random(7));
  private static final List<UUID> PLANTED = new ArrayList<>();

  /** The tenant's only row mentioning the keyword; its embedding is unrelated to TARGET. */
  private static final UUID KEYWORD_ROW = new UUID(3, 1);

  /** Another tenant's row, nearer to TARGET than any of the tenant's and with the keyword. */
  private static final UUID FOREIGN_ROW = new UUID(3, 2);

  @BeforeAll
  static void seed() throws SQLException {
    try (Connection c = database.connect()) {
      assertVectorInstalled(c);
      PGvector.addVectorType(c);
      try (Statement s = c.createStatement()) {
        s.execute(
            "insert into users (id, handle) values ('"
                + TENANT
                + "', 'tenant'), ('"
                + OTHER_TENANT
                + "', 'other')");
      }
      // Building the migration's own index once over all rows is far faster than growing it
      // row by row, and leaves exactly the index V005 defines.
      String hnswIndex = indexDefinition(c, "memory_embedding_hnsw_idx");
      try (Statement s = c.createStatement()) {
        s.execute("drop index memory_embedding_hnsw_idx");
      }
      Random random = new Random(42);
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into memory (id, owner_user_id, kind, content, embedding)"
                  + " values (?, ?, 'fact', ?, ?)")) {
        for (int i = 0; i < BACKGROUND_ROWS; i++) {
          add(insert, new UUID(1, i), i % 10 == 0 ? OTHER_TENANT : TENANT, "background", random);
        }
        // three rows ever further from TARGET: the expected answer, in order
        for (int i = 1; i <= 3; i++) {
          UUID id = new UUID(2, i);
          PLANTED.add(id);
          add(insert, id, TENANT, "planted", nudged(TARGET, 0.02f * i, random));
        }
        add(insert, KEYWORD_ROW, TENANT, "a quasar sighting", random);
        add(insert, FOREIGN_ROW, OTHER_TENANT, "quasar", nudged(TARGET, 0.001f, random));
        insert.executeBatch();
      }
      try (Statement s = c.createStatement()) {
        s.execute(hnswIndex);
        s.execute("analyze memory");
      }
    }
  }

  @Test
  void nearestQuery_withIterativeScan_usesHnswIndexAndReturnsNearestRowsFirst()
      throws SQLException {
    try (Connection c = database.connect()) {
      PGvector.addVectorType(c);
      try (Statement s = c.createStatement()) {
        s.execute("set hnsw.iterative_scan = relaxed_order");
      }

      assertThat(plan(c, "explain " + NEAREST, 3)).contains("memory_embedding_hnsw_idx");
      assertThat(nearest(c, 3)).containsExactlyElementsOf(PLANTED);
    }
  }

  @Test
  void filteredQuery_pastEfSearch_keepsReturningRowsOnlyWithIterativeScan() throws SQLException {
    try (Connection c = database.connect()) {
      PGvector.addVectorType(c);
      try (Statement s = c.createStatement()) {
        s.execute("set hnsw.ef_search = 10");
        s.execute("set hnsw.iterative_scan = off");
      }
      List<UUID> withoutIterativeScan = nearest(c, 25);
      try (Statement s = c.createStatement()) {
        s.execute("set hnsw.iterative_scan = relaxed_order");
      }
      List<UUID> withIterativeScan = nearest(c, 25);

      assertThat(withoutIterativeScan).hasSizeLessThanOrEqualTo(10);
      assertThat(withIterativeScan).hasSize(25).doesNotHaveDuplicates();
      assertThat(withIterativeScan).startsWith(PLANTED.toArray(UUID[]::new));
    }
  }

  @Test
  void hybridSearch_keywordAndEmbedding_fusesBothRankingsWithinTheFilter() {
    JooqResourceStore store = new JooqResourceStore(database.transactor());
    List<Float> embedding = new ArrayList<>();
    for (float x : TARGET) {
      embedding.add(x);
    }

    List<SearchHit> hits =
        store.search(
            Resource.MEMORY,
            new EffectiveFilter(new UserId(TENANT), true, Set.of()),
            new SearchRequest("quasar", 5, Optional.of(embedding)));

    assertThat(hits).hasSize(5);
    assertThat(hits.subList(0, 2))
        .extracting(hit -> hit.item().id())
        .containsExactlyInAnyOrder(KEYWORD_ROW, PLANTED.get(0));
    assertThat(hits.subList(2, 4))
        .extracting(hit -> hit.item().id())
        .containsExactly(PLANTED.get(1), PLANTED.get(2));
    assertThat(hits).extracting(hit -> hit.item().ownerUserId().value()).containsOnly(TENANT);
    assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void keywordSearch_withoutEmbedding_findsOnlyTheKeywordRowWithinTheFilter() {
    JooqResourceStore store = new JooqResourceStore(database.transactor());

    List<SearchHit> hits =
        store.search(
            Resource.MEMORY,
            new EffectiveFilter(new UserId(TENANT), true, Set.of()),
            SearchRequest.keywords("quasar", 5));

    assertThat(hits).extracting(hit -> hit.item().id()).containsExactly(KEYWORD_ROW);
  }

  private static void add(
      PreparedStatement insert, UUID id, UUID owner, String content, Random random)
      throws SQLException {
    add(insert, id, owner, content, randomUnitVector(random));
  }

  private static void add(
      PreparedStatement insert, UUID id, UUID owner, String content, float[] embedding)
      throws SQLException {
    insert.setObject(1, id);
    insert.setObject(2, owner);
    insert.setString(3, content);
    insert.setObject(4, new PGvector(embedding));
    insert.addBatch();
  }

  private static List<UUID> nearest(Connection c, int limit) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (PreparedStatement query = c.prepareStatement(NEAREST)) {
      query.setObject(1, TENANT);
      query.setObject(2, new PGvector(TARGET));
      query.setInt(3, limit);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return ids;
  }

  private static String plan(Connection c, String explain, int limit) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement query = c.prepareStatement(explain)) {
      query.setObject(1, TENANT);
      query.setObject(2, new PGvector(TARGET));
      query.setInt(3, limit);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }

  private static String indexDefinition(Connection c, String index) throws SQLException {
    try (PreparedStatement query = c.prepareStatement("select pg_get_indexdef(to_regclass(?))")) {
      query.setString(1, index);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        assertThat(rs.getString(1)).as("index %s made by the migrations", index).isNotNull();
        return rs.getString(1);
      }
    }
  }

  static void assertVectorInstalled(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select extversion from pg_extension where extname = 'vector'")) {
      assertThat(rs.next())
          .as(
              "the `vector` extension is not installed in the test database: the server lacks"
                  + " pgvector. Run scripts/provision.sh, which builds pgvector 0.8 for"
                  + " PostgreSQL 15, then rerun.")
          .isTrue();
    }
  }

  private static float[] randomUnitVector(Random random) {
    float[] v = new float[DIMENSIONS];
    for (int i = 0; i < DIMENSIONS; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return normalized(v);
  }

  private static float[] nudged(float[] base, float amount, Random random) {
    float[] noise = randomUnitVector(random);
    float[] v = new float[DIMENSIONS];
    for (int i = 0; i < DIMENSIONS; i++) {
      v[i] = base[i] + amount * noise[i];
    }
    return normalized(v);
  }

  private static float[] normalized(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < v.length; i++) {
      v[i] *= scale;
    }
    return v;
  }
}
