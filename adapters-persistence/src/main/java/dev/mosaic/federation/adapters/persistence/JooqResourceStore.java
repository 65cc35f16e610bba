package dev.mosaic.federation.adapters.persistence;

import static dev.mosaic.federation.adapters.persistence.generated.Tables.MEMORY;

import dev.mosaic.federation.application.port.out.PagePosition;
import dev.mosaic.federation.application.port.out.PageRequest;
import dev.mosaic.federation.application.port.out.ResourcePage;
import dev.mosaic.federation.application.port.out.ResourceStore;
import dev.mosaic.federation.application.port.out.SearchHit;
import dev.mosaic.federation.application.port.out.SearchRequest;
import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.scope.Resource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Reads tasks, notes, memory and credentials of the reference schema, only ever rows the effective
 * filter admits. Lists page by keyset on {@code (created_at, id)}. Search is PostgreSQL full text
 * ({@code 'simple'} configuration, every word must match, ranked by {@code ts_rank}); for memory,
 * when the request carries a 256-dimension embedding and the database has {@code memory.embedding}
 * (pgvector), the keyword ranking is fused (reciprocal rank fusion) with the nearest neighbours of
 * the HNSW index, scanned iteratively so that filtering does not starve a tenant. Iterative scans
 * stop after {@code hnsw.max_scan_tuples} (20 000 by default): a tenant with a handful of rows
 * among 100 000 can still come back short when the planner chooses HNSW, so a short answer while
 * the filter has more embedded rows is redone exactly (no index scan, the filter's rows sorted by
 * distance). {@code api_keys} has no domain item and reads as empty.
 */
@Singleton
final class JooqResourceStore implements ResourceStore {
  static final int EMBEDDING_DIMENSIONS = 256;

  /** The usual constant of reciprocal rank fusion: score = Σ 1 / (k + rank). */
  private static final int FUSION_K = 60;

  /**
   * pgvector 0.8's iterative index scans: past {@code hnsw.ef_search}, the HNSW scan keeps going
   * (up to {@code hnsw.max_scan_tuples}) until the filter has let enough rows through.
   */
  static final String ITERATIVE_SCAN = "set local hnsw.iterative_scan = relaxed_order";

  private final JooqTransactor db;
  private volatile Boolean embeddingColumn;

  @Inject
  JooqResourceStore(JooqTransactor db) {
    this.db = db;
  }

  @Override
  public ResourcePage list(Resource resource, EffectiveFilter filter, PageRequest page) {
    Optional<ResourceTable> stored = ResourceTable.of(resource);
    if (stored.isEmpty()) {
      return new ResourcePage(List.of(), Optional.empty());
    }
    ResourceTable t = stored.get();
    Condition after =
        page.after()
            .map(p -> DSL.row(t.createdAt(), t.id()).gt(Columns.micros(p.createdAt()), p.id()))
            .orElse(DSL.noCondition());
    Condition updatedSince =
        page.updatedSince()
            .map(since -> t.updatedAt().ge(Columns.micros(since)))
            .orElse(DSL.noCondition());
    List<ResourceItem> rows =
        db.call(
            "listing " + resource.wireName(),
            dsl ->
                dsl.select(t.table().fields())
                    .from(t.table())
                    .where(t.visibleTo(filter))
                    .and(after)
                    .and(updatedSince)
                    .orderBy(t.createdAt(), t.id())
                    .limit(page.limit() + 1)
                    .fetch(r -> t.toItem().apply(r)));
    if (rows.size() <= page.limit()) {
      return new ResourcePage(rows, Optional.empty());
    }
    List<ResourceItem> items = rows.subList(0, page.limit());
    ResourceItem last = items.get(items.size() - 1);
    return new ResourcePage(items, Optional.of(new PagePosition(last.createdAt(), last.id())));
  }

  @Override
  public Optional<ResourceItem> get(Resource resource, EffectiveFilter filter, UUID id) {
    Optional<ResourceTable> stored = ResourceTable.of(resource);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    ResourceTable t = stored.get();
    return db.call(
        "reading " + resource.wireName(),
        dsl ->
            dsl.select(t.table().fields())
                .from(t.table())
                .where(t.id().eq(id))
                .and(t.visibleTo(filter))
                .fetchOptional(r -> t.toItem().apply(r)));
  }

  @Override
  public List<SearchHit> search(Resource resource, EffectiveFilter filter, SearchRequest request) {
    Optional<ResourceTable> stored = ResourceTable.of(resource);
    if (stored.isEmpty()) {
      return List.of();
    }
    ResourceTable t = stored.get();
    Optional<String> embedding = request.embedding().flatMap(JooqResourceStore::vectorLiteral);
    if (resource == Resource.MEMORY && embedding.isPresent() && hasEmbeddingColumn()) {
      return hybridSearch(t, filter, request, embedding.get());
    }
    Field<Double> rank = t.rank(request.text());
    return db.call(
        "searching " + resource.wireName(),
        dsl ->
            dsl.select(t.table().fields())
                .select(rank)
                .from(t.table())
                .where(t.visibleTo(filter))
                .and(t.matches(request.text()))
                .orderBy(rank.desc(), t.createdAt(), t.id())
                .limit(request.limit())
                .fetch(r -> new SearchHit(t.toItem().apply(r), r.get(rank))));
  }

  private List<SearchHit> hybridSearch(
      ResourceTable t, EffectiveFilter filter, SearchRequest request, String vector) {
    int candidates = similarityCandidates(request.limit());
    Field<Double> rank = t.rank(request.text());
    return db.inTransaction(
        () ->
            db.call(
                "searching memory",
                dsl -> {
                  dsl.execute(ITERATIVE_SCAN);
                  List<UUID> byKeywords =
                      dsl.select(t.id())
                          .from(t.table())
                          .where(t.visibleTo(filter))
                          .and(t.matches(request.text()))
                          .orderBy(rank.desc(), t.createdAt(), t.id())
                          .limit(candidates)
                          .fetch(t.id());
                  List<UUID> bySimilarity = nearest(dsl, t, filter, vector, candidates);
                  if (bySimilarity.size() < candidates
                      && embeddedRows(dsl, t, filter, candidates) > bySimilarity.size()) {
                    // The HNSW scan stopped (hnsw.max_scan_tuples) before finding enough of this
                    // filter's rows: a small tenant among many rows. Rank its rows exactly.
                    bySimilarity = nearestExactly(dsl, t, filter, vector, candidates);
                  }
                  return fuse(dsl, t, request.limit(), byKeywords, bySimilarity);
                }));
  }

  /** How many nearest neighbours a hybrid search of {@code limit} hits takes from the index. */
  static int similarityCandidates(int limit) {
    return Math.min(Math.max(limit * 2, 40), 1000);
  }

  /**
   * The nearest-neighbour query of a hybrid search: the filter's memory rows ordered by cosine
   * distance to {@code vector}, which the HNSW index serves (with {@link #ITERATIVE_SCAN} on) when
   * the planner prefers it to sorting the filter's rows.
   */
  static Select<Record1<UUID>> nearestQuery(
      DSLContext dsl, ResourceTable t, EffectiveFilter filter, String vector, int limit) {
    Field<Object> distance =
        DSL.field("{0} <=> {1}::vector", Object.class, DSL.field(DSL.name("embedding")), vector);
    return dsl.select(t.id())
        .from(t.table())
        .where(t.visibleTo(filter))
        .and(DSL.field(DSL.name("embedding")).isNotNull())
        .orderBy(distance)
        .limit(limit);
  }

  private static List<UUID> nearest(
      DSLContext dsl, ResourceTable t, EffectiveFilter filter, String vector, int limit) {
    return nearestQuery(dsl, t, filter, vector, limit).fetch(t.id());
  }

  /**
   * The nearest-neighbour query without the HNSW index: the filter's rows and their distances are
   * materialized first, so the ordering cannot be served by the index, and then sorted.
   */
  private static List<UUID> nearestExactly(
      DSLContext dsl, ResourceTable t, EffectiveFilter filter, String vector, int limit) {
    Field<Double> distance =
        DSL.field("{0} <=> {1}::vector", Double.class, DSL.field(DSL.name("embedding")), vector);
    CommonTableExpression<Record2<UUID, Double>> filtered =
        DSL.name("filtered")
            .fields("id", "distance")
            .asMaterialized(
                DSL.select(t.id(), distance)
                    .from(t.table())
                    .where(t.visibleTo(filter))
                    .and(DSL.field(DSL.name("embedding")).isNotNull()));
    Field<UUID> id = filtered.field("id", UUID.class);
    return dsl.with(filtered)
        .select(id)
        .from(filtered)
        .orderBy(filtered.field("distance"), id)
        .limit(limit)
        .fetch(id);
  }

  /** How many of the filter's rows have an embedding, counting no further than {@code cap}. */
  private static int embeddedRows(
      DSLContext dsl, ResourceTable t, EffectiveFilter filter, int cap) {
    return dsl.fetchCount(
        dsl.selectOne()
            .from(t.table())
            .where(t.visibleTo(filter))
            .and(DSL.field(DSL.name("embedding")).isNotNull())
            .limit(cap));
  }

  private static List<SearchHit> fuse(
      DSLContext dsl, ResourceTable t, int limit, List<UUID> first, List<UUID> second) {
    Map<UUID, Double> scores = new LinkedHashMap<>();
    for (List<UUID> ranking : List.of(first, second)) {
      for (int i = 0; i < ranking.size(); i++) {
        scores.merge(ranking.get(i), 1.0 / (FUSION_K + i + 1), Double::sum);
      }
    }
    List<Map.Entry<UUID, Double>> best =
        scores.entrySet().stream()
            .sorted(Map.Entry.<UUID, Double>comparingByValue().reversed())
            .limit(limit)
            .toList();
    if (best.isEmpty()) {
      return List.of();
    }
    Map<UUID, ResourceItem> items =
        dsl
            .select(t.table().fields())
            .from(t.table())
            .where(t.id().in(best.stream().map(Map.Entry::getKey).toList()))
            .fetch(r -> t.toItem().apply(r))
            .stream()
            .collect(Collectors.toMap(ResourceItem::id, item -> item));
    List<SearchHit> hits = new ArrayList<>(best.size());
    for (Map.Entry<UUID, Double> entry : best) {
      ResourceItem item = items.get(entry.getKey());
      if (item != null) {
        hits.add(new SearchHit(item, entry.getValue()));
      }
    }
    hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
    return hits;
  }

  /** pgvector's text form of {@code embedding}, or empty when it cannot be compared. */
  private static Optional<String> vectorLiteral(List<Float> embedding) {
    if (embedding.size() != EMBEDDING_DIMENSIONS
        || embedding.stream().anyMatch(f -> f == null || !Float.isFinite(f))) {
      return Optional.empty();
    }
    return Optional.of(
        embedding.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")));
  }

  private boolean hasEmbeddingColumn() {
    Boolean known = embeddingColumn;
    if (known == null) {
      known =
          db.call(
              "inspecting memory",
              dsl ->
                  dsl.fetchExists(
                      DSL.selectOne()
                          .from(DSL.table(DSL.name("information_schema", "columns")))
                          .where(DSL.field(DSL.name("table_schema")).eq(DSL.currentSchema()))
                          .and(DSL.field(DSL.name("table_name")).eq(MEMORY.getName()))
                          .and(DSL.field(DSL.name("column_name")).eq("embedding"))));
      embeddingColumn = known;
    }
    return known;
  }
}
