package dev.mosaic.federation.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.domain.fixtures.ScopeFixtures;
import dev.mosaic.federation.domain.user.TeamId;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScopeParseTest {

  private static Map<String, Object> doc(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  private static List<ScopeViolation> violations(Object tree) {
    ScopeParseResult result = Scope.parse(tree);
    assertThat(result).isInstanceOf(ScopeParseResult.Rejected.class);
    return ((ScopeParseResult.Rejected) result).violations();
  }

  private static ScopeParseResult.Parsed parsed(Object tree) {
    ScopeParseResult result = Scope.parse(tree);
    assertThat(result).isInstanceOf(ScopeParseResult.Parsed.class);
    return (ScopeParseResult.Parsed) result;
  }

  @Test
  void parse_specExample_yieldsScopeWithEveryField() {
    Scope scope = parsed(ScopeFixtures.aScopeDocument()).scope();

    assertThat(scope.resources()).containsExactly(Resource.TASKS, Resource.NOTES, Resource.MEMORY);
    assertThat(scope.excludedResources()).containsExactly(Resource.CREDENTIALS);
    assertThat(scope.filterFor(Resource.TASKS))
        .isEqualTo(new ResourceFilter(true, Optional.of(Set.of())));
    assertThat(scope.filterFor(Resource.NOTES)).isEqualTo(ResourceFilter.DEFAULT);
    assertThat(scope.maxRowsPerQuery()).isEqualTo(100);
    assertThat(scope.rateLimit()).contains(new RateLimit(120, 20));
  }

  @Test
  void parse_onlyResources_appliesDefaults() {
    Scope scope = parsed(doc("resources", List.of("notes"))).scope();

    assertThat(scope.excludedResources()).isEmpty();
    assertThat(scope.filters()).isEmpty();
    assertThat(scope.maxRowsPerQuery()).isEqualTo(Scope.DEFAULT_MAX_ROWS);
    assertThat(scope.rateLimit()).isEmpty();
  }

  @Test
  void parse_notAnObject_isRejectedAtRoot() {
    assertThat(violations(List.of("tasks"))).extracting(ScopeViolation::field).containsExactly("$");
    assertThat(violations(null)).extracting(ScopeViolation::field).containsExactly("$");
  }

  @Test
  void parse_missingResources_isRejectedNamingResources() {
    assertThat(violations(doc("max_rows_per_query", 10)))
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("resources"))
        .satisfies(v -> assertThat(v.message()).contains("required"));
  }

  @Test
  void parse_emptyResources_isRejectedNamingResources() {
    assertThat(violations(doc("resources", List.of())))
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("resources"))
        .satisfies(v -> assertThat(v.message()).contains("must not be empty"));
  }

  @Test
  void parse_resourcesNotAList_isRejectedAsWrongType() {
    assertThat(violations(doc("resources", "tasks")))
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("resources"))
        .satisfies(v -> assertThat(v.message()).contains("must be an array"));
  }

  @Test
  void parse_unknownResource_namesIndexAndValue() {
    assertThat(violations(doc("resources", List.of("tasks", "taks"))))
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("resources[1]"))
        .satisfies(v -> assertThat(v.message()).contains("'taks'").contains("tasks, notes"));
  }

  @Test
  void parse_resourceOfWrongCase_isUnknown() {
    assertThat(violations(doc("resources", List.of("Tasks"))))
        .extracting(ScopeViolation::field)
        .containsExactly("resources[0]");
  }

  @Test
  void parse_nonStringResource_isRejectedAsWrongType() {
    assertThat(violations(doc("resources", List.of(7))))
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("resources[0]"))
        .satisfies(v -> assertThat(v.message()).contains("string"));
  }

  @Test
  void parse_duplicateResource_isRejected() {
    assertThat(violations(doc("resources", List.of("tasks", "tasks"))))
        .extracting(ScopeViolation::field)
        .containsExactly("resources[1]");
  }

  @Test
  void parse_overlapBetweenResourcesAndExcluded_isRejectedNamingExcludedEntry() {
    assertThat(
            violations(
                doc(
                    "resources", List.of("tasks", "notes"),
                    "excluded_resources", List.of("memory", "notes"))))
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("excluded_resources[1]"))
        .satisfies(v -> assertThat(v.message()).contains("'notes'").contains("resources"));
  }

  @Test
  void parse_unknownExcludedResource_isRejected() {
    assertThat(violations(doc("resources", List.of("tasks"), "excluded_resources", List.of("x"))))
        .extracting(ScopeViolation::field)
        .containsExactly("excluded_resources[0]");
  }

  @Test
  void parse_excludedNotAList_isRejected() {
    assertThat(violations(doc("resources", List.of("tasks"), "excluded_resources", "notes")))
        .extracting(ScopeViolation::field)
        .containsExactly("excluded_resources");
  }

  @Test
  void parse_unknownTopLevelKey_isRejectedNamingKey() {
    assertThat(violations(doc("resources", List.of("tasks"), "max_rows", 5)))
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("max_rows"))
        .satisfies(v -> assertThat(v.message()).contains("unknown key"));
  }

  @Test
  void parse_unknownFilterKey_isRejectedWithFullPath() {
    Map<String, Object> filter = doc("include_teamz", List.of());
    assertThat(violations(doc("resources", List.of("tasks"), "filters", doc("tasks", filter))))
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("filters.tasks.include_teamz"));
  }

  @Test
  void parse_unknownRateLimitKey_isRejectedWithFullPath() {
    Map<String, Object> rate = doc("requests_per_minute", 60, "burst", 5, "window", 1);
    assertThat(violations(doc("resources", List.of("tasks"), "rate_limit", rate)))
        .extracting(ScopeViolation::field)
        .containsExactly("rate_limit.window");
  }

  @Test
  void parse_filterForUnknownResource_isRejected() {
    assertThat(violations(doc("resources", List.of("tasks"), "filters", doc("todos", doc()))))
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("filters.todos"))
        .satisfies(v -> assertThat(v.message()).contains("'todos'"));
  }

  @Test
  void parse_filtersNotAnObject_isRejected() {
    assertThat(violations(doc("resources", List.of("tasks"), "filters", List.of())))
        .extracting(ScopeViolation::field)
        .containsExactly("filters");
  }

  @Test
  void parse_filterNotAnObject_isRejected() {
    assertThat(violations(doc("resources", List.of("tasks"), "filters", doc("tasks", true))))
        .extracting(ScopeViolation::field)
        .containsExactly("filters.tasks");
  }

  @Test
  void parse_includePersonalNotBoolean_isRejected() {
    Map<String, Object> filter = doc("include_personal", "yes");
    assertThat(violations(doc("resources", List.of("tasks"), "filters", doc("tasks", filter))))
        .extracting(ScopeViolation::field)
        .containsExactly("filters.tasks.include_personal");
  }

  @Test
  void parse_includeTeamsEntryNotUuid_isRejectedNamingIndex() {
    Map<String, Object> filter =
        doc("include_teams", List.of(UUID.randomUUID().toString(), "engineering"));
    assertThat(violations(doc("resources", List.of("tasks"), "filters", doc("tasks", filter))))
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("filters.tasks.include_teams[1]"))
        .satisfies(v -> assertThat(v.message()).contains("engineering"));
  }

  @Test
  void parse_includeTeamsNotAList_isRejected() {
    Map<String, Object> filter = doc("include_teams", "all");
    assertThat(violations(doc("resources", List.of("tasks"), "filters", doc("tasks", filter))))
        .extracting(ScopeViolation::field)
        .containsExactly("filters.tasks.include_teams");
  }

  @Test
  void parse_includeTeams_keepsTheTeams() {
    UUID team = UUID.randomUUID();
    Map<String, Object> filter =
        doc("include_personal", false, "include_teams", List.of(team.toString()));
    Scope scope =
        parsed(doc("resources", List.of("tasks"), "filters", doc("tasks", filter))).scope();

    assertThat(scope.filterFor(Resource.TASKS))
        .isEqualTo(new ResourceFilter(false, Optional.of(Set.of(new TeamId(team)))));
  }

  @Test
  void parse_maxRowsNotInteger_isRejectedAsWrongType() {
    for (Object wrong : List.of("100", 10.5, 100.0, true)) {
      assertThat(violations(doc("resources", List.of("tasks"), "max_rows_per_query", wrong)))
          .singleElement()
          .satisfies(v -> assertThat(v.field()).isEqualTo("max_rows_per_query"))
          .satisfies(v -> assertThat(v.message()).contains("must be an integer"));
    }
  }

  @Test
  void parse_maxRowsOutOfRange_isRejectedWithRange() {
    for (Object wrong : List.of(0, -1, 10_001, BigInteger.TEN.pow(30), Long.MAX_VALUE)) {
      assertThat(violations(doc("resources", List.of("tasks"), "max_rows_per_query", wrong)))
          .singleElement()
          .satisfies(v -> assertThat(v.field()).isEqualTo("max_rows_per_query"))
          .satisfies(v -> assertThat(v.message()).contains("between 1 and 10000"));
    }
  }

  @Test
  void parse_maxRowsAtBounds_isAccepted() {
    assertThat(
            parsed(doc("resources", List.of("tasks"), "max_rows_per_query", 1))
                .scope()
                .maxRowsPerQuery())
        .isEqualTo(1);
    assertThat(
            parsed(doc("resources", List.of("tasks"), "max_rows_per_query", 10_000L))
                .scope()
                .maxRowsPerQuery())
        .isEqualTo(10_000);
  }

  @Test
  void parse_rateLimitNotPositive_isRejectedNamingField() {
    Map<String, Object> rate = doc("requests_per_minute", 0, "burst", -3);
    assertThat(violations(doc("resources", List.of("tasks"), "rate_limit", rate)))
        .extracting(ScopeViolation::field)
        .containsExactlyInAnyOrder("rate_limit.requests_per_minute", "rate_limit.burst");
  }

  @Test
  void parse_rateLimitWrongType_isRejected() {
    Map<String, Object> rate = doc("requests_per_minute", "120", "burst", 2.5);
    assertThat(violations(doc("resources", List.of("tasks"), "rate_limit", rate)))
        .allSatisfy(v -> assertThat(v.message()).contains("must be an integer"))
        .hasSize(2);
  }

  @Test
  void parse_rateLimitMissingValue_isRejected() {
    assertThat(
            violations(
                doc("resources", List.of("tasks"), "rate_limit", doc("requests_per_minute", 5))))
        .extracting(ScopeViolation::field)
        .containsExactly("rate_limit.burst");
  }

  @Test
  void parse_rateLimitNotAnObject_isRejected() {
    assertThat(violations(doc("resources", List.of("tasks"), "rate_limit", 60)))
        .extracting(ScopeViolation::field)
        .containsExactly("rate_limit");
  }

  @Test
  void parse_severalProblems_reportsEveryOne() {
    assertThat(
            violations(
                doc(
                    "resources",
                    List.of("tasks", "nope"),
                    "max_rows_per_query",
                    0,
                    "colour",
                    "blue")))
        .extracting(ScopeViolation::field)
        .containsExactlyInAnyOrder("resources[1]", "max_rows_per_query", "colour");
  }

  @Test
  void parse_sensitiveResourceListed_isParsedWithWarning() {
    ScopeParseResult.Parsed result = parsed(doc("resources", List.of("tasks", "credentials")));

    assertThat(result.warnings()).singleElement().asString().contains("'credentials'");
  }

  @Test
  void parse_noSensitiveResource_hasNoWarning() {
    assertThat(parsed(doc("resources", List.of("tasks"))).warnings()).isEmpty();
  }

  @Test
  void parse_nullOptionalValues_areAbsent() {
    Map<String, Object> doc = doc("resources", List.of("tasks"));
    doc.put("excluded_resources", null);
    doc.put("rate_limit", null);
    assertThat(parsed(doc).scope()).isEqualTo(Scope.of(Resource.TASKS));
  }

  @Test
  void toJsonTree_parsedBack_yieldsEqualScope() {
    Scope scope =
        ScopeFixtures.aScope()
            .filter(Resource.TASKS, false, Set.of(new TeamId(UUID.randomUUID())))
            .filter(Resource.NOTES, ResourceFilter.DEFAULT)
            .maxRows(42)
            .rateLimit(30, 3)
            .build();

    assertThat(parsed(scope.toJsonTree()).scope()).isEqualTo(scope);
  }

  @Test
  void resource_fromWire_knowsExactlyTheClosedList() {
    assertThat(Resource.fromWire("api_keys")).contains(Resource.API_KEYS);
    assertThat(Resource.fromWire("API_KEYS")).isEmpty();
    assertThat(Resource.fromWire(null)).isEmpty();
    assertThat(Resource.CREDENTIALS.isSensitive()).isTrue();
    assertThat(Resource.API_KEYS.isSensitive()).isTrue();
    assertThat(Resource.TASKS.isSensitive()).isFalse();
  }
}
