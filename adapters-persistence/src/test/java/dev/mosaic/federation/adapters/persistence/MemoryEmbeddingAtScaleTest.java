package dev.mosaic.federation.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.pgvector.PGvector;
import com.zaxxer.hikari.HikariDataSource;
import dev.mosaic.federation.application.port.out.SearchHit;
import dev.mosaic.federation.application.port.out.SearchRequest;
import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.UserId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scale criterion for semantic search: a subject owning 5 memory rows among 100 000
 * rows of 1 000 other users gets its 5 nearest, in order — whether the planner picks its own plan
 * (the owner index and an exact sort) or is steered onto the HNSW index. There, with iterative
 * scans on, pgvector 0.8 still stops after {@code hnsw.max_scan_tuples} and returns fewer than 5
 * rows of so small a tenant; {@link JooqResourceStore} notices the short answer and ranks the
 * tenant's rows exactly. Every embedding (and the query) is random, so the tenant's rows are
 * nowhere near the query: the worst case for post-filtering.
 *
 * <p>Seeding is SQL only (generate_series), then the migration's own HNSW index is rebuilt once
 * over all rows; that build dominates the run time.
 */
class MemoryEmbeddingAtScaleTest {
  private static final int OTHER_USERS = 1_000;
  private static final int OTHER_ROWS = 100_000;
  private static final int TENANT_ROWS = 5;
  private static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  private static final EffectiveFilter TENANT_ONLY =
      new EffectiveFilter(new UserId(TENANT), true, Set.of());

  /** Matches no row: the hybrid ranking is then the similarity ranking alone. */
  private static final String NO_KEYWORD_MATCH = "xyzzyunmatched";

  /** Planner settings that leave the HNSW index scan as the only unpenalised plan. */
  private static final String STEERED_ONTO_HNSW =
      "-c enable_seqscan=off -c enable_bitmapscan=off -c enable_sort=off";

  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  private static final float[] QUERY = randomVector(new Random(11));
  private static List<UUID> tenantRowsByDistance;
  private static HikariDataSource steeredPool;
  private static JooqTransactor steered;

  @BeforeAll
  static void seed() throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      MemoryEmbeddingSearchTest.assertVectorInstalled(c);
      String hnswIndex = indexDefinition(c);
      s.execute("drop index memory_embedding_hnsw_idx");
      s.execute("select setseed(0.42)");
      s.execute(
          "insert into users (id, handle) select "
              + otherUser("g")
              + ", 'other' || g from generate_series(1, "
              + OTHER_USERS
              + ") g");
      s.execute("insert into users (id, handle) values ('" + TENANT + "', 'tenant')");
      s.execute(insertRows(OTHER_ROWS, otherUser("(1 + g % " + OTHER_USERS + ")"), "background"));
      s.execute(insertRows(TENANT_ROWS, "'" + TENANT + "'::uuid", "tenant"));
      // A build parameter, not part of the index: the graph of 100 000 rows fits in memory.
      s.execute("set maintenance_work_mem = '512MB'");
      s.execute(hnswIndex);
      s.execute("analyze memory");
    }
    tenantRowsByDistance = exactOrder();
    DatabaseSettings plain = database.settings();
    steeredPool =
        DataSources.pooled(
            new DatabaseSettings(
                TestDatabase.withParameter(
                    plain.url(),
                    "options",
                    URLEncoder.encode(STEERED_ONTO_HNSW, StandardCharsets.UTF_8)),
                plain.user(),
                plain.password()));
    steered = new JooqTransactor(PersistenceModule.dslContext(steeredPool));
  }

  @AfterAll
  static void closeSteeredPool() {
    if (steeredPool != null) {
      steeredPool.close();
    }
  }

  @Test
  void nearestQuery_steeredOntoHnsw_usesTheIndexWithIterativeScan_yetStopsShortOfTheTenant() {
    ResourceTable memory = ResourceTable.of(Resource.MEMORY).orElseThrow();
    int candidates = JooqResourceStore.similarityCandidates(TENANT_ROWS);
    String[] iterativeScan = new String[1];
    String[] plan = new String[1];
    List<UUID> found =
        steered.inTransaction(
            () ->
                steered.call(
                    "steered nearest",
                    dsl -> {
                      dsl.execute(JooqResourceStore.ITERATIVE_SCAN);
                      iterativeScan[0] =
                          dsl.fetchValue(
                              DSL.field("current_setting('hnsw.iterative_scan')", String.class));
                      var query =
                          JooqResourceStore.nearestQuery(
                              dsl, memory, TENANT_ONLY, vectorLiteral(QUERY), candidates);
                      plan[0] = dsl.explain(query).plan();
                      return query.fetch(memory.id());
                    }));

    assertThat(iterativeScan[0]).isEqualTo("relaxed_order");
    assertThat(plan[0]).contains("Index Scan using memory_embedding_hnsw_idx");
    // pgvector 0.8: the iterative scan ends after hnsw.max_scan_tuples (20 000) of 100 005 rows.
    assertThat(found).as("HNSW alone, plan:%n%s", plan[0]).hasSizeLessThan(TENANT_ROWS);
  }

  @Test
  void search_steeredOntoHnsw_stillReturnsTheTenantsFiveNearestInOrder() {
    List<SearchHit> hits =
        new JooqResourceStore(steered).search(Resource.MEMORY, TENANT_ONLY, request());

    assertThat(hits)
        .extracting(hit -> hit.item().id())
        .containsExactlyElementsOf(tenantRowsByDistance);
    assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void search_plannersOwnChoice_returnsTheTenantsFiveNearestInOrder() {
    ResourceTable memory = ResourceTable.of(Resource.MEMORY).orElseThrow();
    String plan =
        database
            .transactor()
            .call(
                "explaining nearest",
                dsl ->
                    dsl.explain(
                            JooqResourceStore.nearestQuery(
                                dsl, memory, TENANT_ONLY, vectorLiteral(QUERY), 40))
                        .plan());

    List<SearchHit> hits =
        new JooqResourceStore(database.transactor())
            .search(Resource.MEMORY, TENANT_ONLY, request());

    assertThat(hits)
        .as("planner's plan:%n%s", plan)
        .extracting(hit -> hit.item().id())
        .containsExactlyElementsOf(tenantRowsByDistance);
  }

  private static SearchRequest request() {
    List<Float> embedding = new ArrayList<>();
    for (float x : QUERY) {
      embedding.add(x);
    }
    return new SearchRequest(NO_KEYWORD_MATCH, TENANT_ROWS, Optional.of(embedding));
  }

  /** The tenant's rows by cosine distance to QUERY, computed here rather than by PostgreSQL. */
  private static List<UUID> exactOrder() throws SQLException {
    Map<UUID, Double> distance = new HashMap<>();
    try (Connection c = database.connect()) {
      PGvector.addVectorType(c);
      try (PreparedStatement s =
          c.prepareStatement("select id, embedding from memory where owner_user_id = ?")) {
        s.setObject(1, TENANT);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            float[] v = ((PGvector) rs.getObject(2)).toArray();
            distance.put(rs.getObject(1, UUID.class), cosineDistance(v, QUERY));
          }
        }
      }
    }
    assertThat(distance).hasSize(TENANT_ROWS);
    return distance.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .toList();
  }

  private static String insertRows(int rows, String owner, String content) {
    return "insert into memory (id, owner_user_id, kind, content, embedding)"
        + " select gen_random_uuid(), "
        + owner
        + ", 'fact', '"
        + content
        + " ' || g,"
        + " (select array_agg(random() - 0.5)::real[]::vector("
        + JooqResourceStore.EMBEDDING_DIMENSIONS
        + ") from generate_series(1, "
        + JooqResourceStore.EMBEDDING_DIMENSIONS
        + ") where g > 0)"
        + " from generate_series(1, "
        + rows
        + ") g";
  }

  /** The id of other user number {@code n} (an SQL expression). */
  private static String otherUser(String n) {
    return "('00000000-0000-0000-0001-' || lpad((" + n + ")::text, 12, '0'))::uuid";
  }

  private static String indexDefinition(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select pg_get_indexdef(to_regclass('memory_embedding_hnsw_idx'))")) {
      rs.next();
      assertThat(rs.getString(1)).as("the HNSW index of the migrations").isNotNull();
      return rs.getString(1);
    }
  }

  private static String vectorLiteral(float[] v) {
    List<String> parts = new ArrayList<>();
    for (float x : v) {
      parts.add(String.valueOf(x));
    }
    return parts.stream().collect(Collectors.joining(",", "[", "]"));
  }

  private static double cosineDistance(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return 1 - dot / Math.sqrt(na * nb);
  }

  private static float[] randomVector(Random random) {
    float[] v = new float[JooqResourceStore.EMBEDDING_DIMENSIONS];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextFloat() - 0.5f;
    }
    return v;
  }
}
