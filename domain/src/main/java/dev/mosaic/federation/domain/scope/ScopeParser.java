package dev.mosaic.federation.domain.scope;

import dev.mosaic.federation.domain.common.Uuids;
import dev.mosaic.federation.domain.user.TeamId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Implements every rule of SPEC §6, collecting all violations. One instance per document. */
final class ScopeParser {
  private static final Set<String> TOP_KEYS =
      Set.of("resources", "excluded_resources", "filters", "max_rows_per_query", "rate_limit");
  private static final Set<String> FILTER_KEYS = Set.of("include_personal", "include_teams");
  private static final Set<String> RATE_KEYS = Set.of("requests_per_minute", "burst");

  private final List<ScopeViolation> violations = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  ScopeParseResult parse(Object tree) {
    if (!(tree instanceof Map<?, ?> map)) {
      reject("$", "the scope must be a JSON object, was " + describe(tree));
      return new ScopeParseResult.Rejected(violations);
    }
    rejectUnknownKeys(map, TOP_KEYS, "");
    Set<Resource> resources = resources(map);
    Set<Resource> excluded = excluded(map, resources);
    Map<Resource, ResourceFilter> filters = filters(map.get("filters"));
    int maxRows = maxRows(map);
    Optional<RateLimit> rateLimit = rateLimit(map.get("rate_limit"));
    if (!violations.isEmpty()) {
      return new ScopeParseResult.Rejected(violations);
    }
    for (Resource r : resources) {
      if (r.isSensitive()) {
        warnings.add(
            "resources lists the sensitive resource '"
                + r.wireName()
                + "'; it is never served in this version");
      }
    }
    return new ScopeParseResult.Parsed(
        new Scope(resources, excluded, filters, maxRows, rateLimit), warnings);
  }

  private Set<Resource> resources(Map<?, ?> map) {
    if (!map.containsKey("resources") || map.get("resources") == null) {
      reject("resources", "is required: a non-empty array of " + Resource.wireNames());
      return Set.of();
    }
    Optional<Set<Resource>> set = resourceList(map.get("resources"), "resources");
    if (set.isPresent() && set.get().isEmpty() && !hasViolationUnder("resources")) {
      reject("resources", "must not be empty: name at least one of " + Resource.wireNames());
    }
    return set.orElse(Set.of());
  }

  private Set<Resource> excluded(Map<?, ?> map, Set<Resource> resources) {
    Object value = map.get("excluded_resources");
    if (value == null) {
      return Set.of();
    }
    Set<Resource> excluded = resourceList(value, "excluded_resources").orElse(Set.of());
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Optional<Resource> r =
            list.get(i) instanceof String s ? Resource.fromWire(s) : Optional.empty();
        if (r.isPresent() && resources.contains(r.get())) {
          reject(
              "excluded_resources[" + i + "]",
              "'"
                  + r.get().wireName()
                  + "' is also listed in resources; a resource cannot be both");
        }
      }
    }
    return excluded;
  }

  /** Parses a list of resource names; empty Optional when the value is not a list. */
  private Optional<Set<Resource>> resourceList(Object value, String field) {
    if (!(value instanceof List<?> list)) {
      reject(field, "must be an array of resource names, was " + describe(value));
      return Optional.empty();
    }
    EnumSet<Resource> set = EnumSet.noneOf(Resource.class);
    for (int i = 0; i < list.size(); i++) {
      String itemField = field + "[" + i + "]";
      Object item = list.get(i);
      if (!(item instanceof String name)) {
        reject(itemField, "must be a resource name (string), was " + describe(item));
        continue;
      }
      Optional<Resource> r = Resource.fromWire(name);
      if (r.isEmpty()) {
        reject(
            itemField, "unknown resource '" + name + "'; expected one of " + Resource.wireNames());
      } else if (!set.add(r.get())) {
        reject(itemField, "duplicate resource '" + name + "'");
      }
    }
    return Optional.of(set);
  }

  private Map<Resource, ResourceFilter> filters(Object value) {
    Map<Resource, ResourceFilter> filters = new EnumMap<>(Resource.class);
    if (value == null) {
      return filters;
    }
    if (!(value instanceof Map<?, ?> map)) {
      reject("filters", "must be an object keyed by resource name, was " + describe(value));
      return filters;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String name = String.valueOf(e.getKey());
      String field = "filters." + name;
      Optional<Resource> r = Resource.fromWire(name);
      if (r.isEmpty()) {
        reject(
            field,
            "filter for unknown resource '" + name + "'; expected one of " + Resource.wireNames());
        continue;
      }
      filter(e.getValue(), field).ifPresent(f -> filters.put(r.get(), f));
    }
    return filters;
  }

  private Optional<ResourceFilter> filter(Object value, String field) {
    if (!(value instanceof Map<?, ?> map)) {
      reject(field, "must be an object, was " + describe(value));
      return Optional.empty();
    }
    int before = violations.size();
    rejectUnknownKeys(map, FILTER_KEYS, field + ".");
    boolean includePersonal = true;
    Object personal = map.get("include_personal");
    if (personal instanceof Boolean b) {
      includePersonal = b;
    } else if (personal != null) {
      reject(field + ".include_personal", "must be true or false, was " + describe(personal));
    }
    Optional<Set<TeamId>> teams = Optional.empty();
    Object teamsValue = map.get("include_teams");
    if (teamsValue instanceof List<?> list) {
      Set<TeamId> ids = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        Optional<UUID> uuid =
            item instanceof String s ? Uuids.tryParseCanonical(s) : Optional.empty();
        if (uuid.isEmpty()) {
          reject(field + ".include_teams[" + i + "]", "must be a team UUID, was " + describe(item));
        } else {
          ids.add(new TeamId(uuid.get()));
        }
      }
      teams = Optional.of(ids);
    } else if (teamsValue != null) {
      reject(
          field + ".include_teams", "must be an array of team UUIDs, was " + describe(teamsValue));
    }
    return violations.size() == before
        ? Optional.of(new ResourceFilter(includePersonal, teams))
        : Optional.empty();
  }

  private int maxRows(Map<?, ?> map) {
    Object value = map.get("max_rows_per_query");
    if (value == null) {
      return Scope.DEFAULT_MAX_ROWS;
    }
    Optional<BigInteger> n = integer(value);
    if (n.isEmpty()) {
      reject("max_rows_per_query", "must be an integer, was " + describe(value));
      return Scope.DEFAULT_MAX_ROWS;
    }
    if (n.get().compareTo(BigInteger.ONE) < 0
        || n.get().compareTo(BigInteger.valueOf(Scope.MAX_ROWS_CAP)) > 0) {
      reject(
          "max_rows_per_query", "must be between 1 and " + Scope.MAX_ROWS_CAP + ", was " + n.get());
      return Scope.DEFAULT_MAX_ROWS;
    }
    return n.get().intValueExact();
  }

  private Optional<RateLimit> rateLimit(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?> map)) {
      reject("rate_limit", "must be an object, was " + describe(value));
      return Optional.empty();
    }
    rejectUnknownKeys(map, RATE_KEYS, "rate_limit.");
    Optional<Integer> rpm = positive(map, "requests_per_minute");
    Optional<Integer> burst = positive(map, "burst");
    return rpm.isPresent() && burst.isPresent()
        ? Optional.of(new RateLimit(rpm.get(), burst.get()))
        : Optional.empty();
  }

  private Optional<Integer> positive(Map<?, ?> map, String key) {
    String field = "rate_limit." + key;
    Object value = map.get(key);
    if (value == null) {
      reject(field, "is required: a positive integer");
      return Optional.empty();
    }
    Optional<BigInteger> n = integer(value);
    if (n.isEmpty()) {
      reject(field, "must be an integer, was " + describe(value));
      return Optional.empty();
    }
    if (n.get().signum() <= 0 || n.get().bitLength() > 31) {
      reject(
          field, "must be a positive integer (at most " + Integer.MAX_VALUE + "), was " + n.get());
      return Optional.empty();
    }
    return Optional.of(n.get().intValueExact());
  }

  private static Optional<BigInteger> integer(Object value) {
    return switch (value) {
      case Integer i -> Optional.of(BigInteger.valueOf(i));
      case Long l -> Optional.of(BigInteger.valueOf(l));
      case Short s -> Optional.of(BigInteger.valueOf(s));
      case Byte b -> Optional.of(BigInteger.valueOf(b));
      case BigInteger b -> Optional.of(b);
      default -> Optional.empty();
    };
  }

  private void rejectUnknownKeys(Map<?, ?> map, Set<String> known, String prefix) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String k) || !known.contains(k)) {
        reject(
            prefix + key,
            "unknown key '" + key + "'; expected one of " + String.join(", ", sorted(known)));
      }
    }
  }

  private boolean hasViolationUnder(String field) {
    return violations.stream().anyMatch(v -> v.field().startsWith(field));
  }

  private void reject(String field, String message) {
    violations.add(new ScopeViolation(field, message));
  }

  private static List<String> sorted(Set<String> set) {
    return set.stream().sorted().toList();
  }

  private static String describe(Object value) {
    return switch (value) {
      case null -> "null";
      case String s -> "the string \"" + s + "\"";
      case Boolean b -> "the boolean " + b;
      case Number n -> "the number " + n;
      case List<?> l -> "an array";
      case Map<?, ?> m -> "an object";
      default -> "a " + value.getClass().getSimpleName();
    };
  }
}
