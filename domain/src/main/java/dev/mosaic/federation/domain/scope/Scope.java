package dev.mosaic.federation.domain.scope;

import dev.mosaic.federation.domain.user.TeamId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which resources a grant exposes, with which filters, how many rows per query and how fast (SPEC
 * §6). Build one from a document with {@link #parse(Object)}; store it with {@link #toJsonTree()}.
 *
 * @param resources the granted resources; never empty
 * @param excludedResources resources explicitly excluded; disjoint from {@code resources}
 * @param filters per-resource filters given by the document; a resource without one uses {@link
 *     ResourceFilter#DEFAULT}
 * @param maxRowsPerQuery 1 … {@value #MAX_ROWS_CAP}
 * @param rateLimit the grant's rate limit, or empty for the configured default
 */
public record Scope(
    Set<Resource> resources,
    Set<Resource> excludedResources,
    Map<Resource, ResourceFilter> filters,
    int maxRowsPerQuery,
    Optional<RateLimit> rateLimit) {

  public static final int DEFAULT_MAX_ROWS = 100;
  public static final int MAX_ROWS_CAP = 10_000;

  public Scope {
    resources = enumSet(Objects.requireNonNull(resources, "resources"));
    excludedResources = enumSet(Objects.requireNonNull(excludedResources, "excludedResources"));
    filters = Collections.unmodifiableMap(new EnumMap<>(enumMap(filters)));
    Objects.requireNonNull(rateLimit, "rateLimit");
    if (resources.isEmpty()) {
      throw new IllegalArgumentException("resources must not be empty");
    }
    if (!Collections.disjoint(resources, excludedResources)) {
      throw new IllegalArgumentException("resources and excluded_resources overlap");
    }
    if (maxRowsPerQuery < 1 || maxRowsPerQuery > MAX_ROWS_CAP) {
      throw new IllegalArgumentException(
          "max_rows_per_query must be between 1 and " + MAX_ROWS_CAP);
    }
  }

  /** A scope of these resources with no exclusions, default filters, row cap and rate limit. */
  public static Scope of(Resource first, Resource... more) {
    EnumSet<Resource> set = EnumSet.of(first, more);
    return new Scope(set, Set.of(), Map.of(), DEFAULT_MAX_ROWS, Optional.empty());
  }

  /**
   * Validates a scope document given as a generic JSON tree (what Jackson's {@code readValue(json,
   * Object.class)} yields: {@code Map<String, Object>}, {@code List}, {@code String}, {@code
   * Number}, {@code Boolean}, {@code null}). Never throws for bad input: every rule violation is
   * reported, naming its field.
   */
  public static ScopeParseResult parse(Object jsonTree) {
    return new ScopeParser().parse(jsonTree);
  }

  /** The filter that applies to {@code resource}: the document's, else the default. */
  public ResourceFilter filterFor(Resource resource) {
    return filters.getOrDefault(resource, ResourceFilter.DEFAULT);
  }

  /** Whether {@code resource} is granted and not excluded (sensitivity is not considered). */
  public boolean grants(Resource resource) {
    return resources.contains(resource) && !excludedResources.contains(resource);
  }

  /** This scope with another rate limit. */
  public Scope withRateLimit(Optional<RateLimit> newRateLimit) {
    return new Scope(resources, excludedResources, filters, maxRowsPerQuery, newRateLimit);
  }

  /** This scope with another row cap. */
  public Scope withMaxRowsPerQuery(int newMax) {
    return new Scope(resources, excludedResources, filters, newMax, rateLimit);
  }

  /** This scope with {@code filter} for {@code resource}. */
  public Scope withFilter(Resource resource, ResourceFilter filter) {
    EnumMap<Resource, ResourceFilter> copy = enumMap(filters);
    copy.put(resource, filter);
    return new Scope(resources, excludedResources, copy, maxRowsPerQuery, rateLimit);
  }

  /** This scope with these exclusions. */
  public Scope withExcluded(Set<Resource> excluded) {
    return new Scope(resources, excluded, filters, maxRowsPerQuery, rateLimit);
  }

  /**
   * The canonical document form: a {@code LinkedHashMap} with keys in the documented order,
   * resources in enum order, team ids sorted. {@code parse(toJsonTree())} yields an equal scope.
   */
  public Map<String, Object> toJsonTree() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("resources", wireNames(resources));
    tree.put("excluded_resources", wireNames(excludedResources));
    Map<String, Object> filterTree = new LinkedHashMap<>();
    for (Map.Entry<Resource, ResourceFilter> e : filters.entrySet()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("include_personal", e.getValue().includePersonal());
      e.getValue()
          .includeTeams()
          .ifPresent(
              teams ->
                  f.put("include_teams", teams.stream().map(TeamId::toString).sorted().toList()));
      filterTree.put(e.getKey().wireName(), f);
    }
    tree.put("filters", filterTree);
    tree.put("max_rows_per_query", maxRowsPerQuery);
    rateLimit.ifPresent(
        rl -> {
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("requests_per_minute", rl.requestsPerMinute());
          r.put("burst", rl.burst());
          tree.put("rate_limit", r);
        });
    return tree;
  }

  private static List<String> wireNames(Set<Resource> set) {
    List<String> names = new ArrayList<>();
    for (Resource r : set) {
      names.add(r.wireName());
    }
    return names;
  }

  private static Set<Resource> enumSet(Collection<Resource> c) {
    EnumSet<Resource> set = EnumSet.noneOf(Resource.class);
    set.addAll(c);
    return Collections.unmodifiableSet(set);
  }

  private static EnumMap<Resource, ResourceFilter> enumMap(Map<Resource, ResourceFilter> m) {
    EnumMap<Resource, ResourceFilter> map = new EnumMap<>(Resource.class);
    map.putAll(Objects.requireNonNull(m, "filters"));
    return map;
  }
}
