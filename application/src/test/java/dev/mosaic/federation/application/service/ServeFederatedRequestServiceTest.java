package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.in.CertificateIdentity;
import dev.mosaic.federation.application.port.in.FederatedRequestContext;
import dev.mosaic.federation.application.port.in.Refusal;
import dev.mosaic.federation.application.port.in.RefuseRequestCommand;
import dev.mosaic.federation.application.port.in.ServeCapabilitiesResult;
import dev.mosaic.federation.application.port.in.ServeGetResult;
import dev.mosaic.federation.application.port.in.ServeListCommand;
import dev.mosaic.federation.application.port.in.ServeListResult;
import dev.mosaic.federation.application.port.in.ServeRateLimited;
import dev.mosaic.federation.application.port.in.ServeRefused;
import dev.mosaic.federation.application.port.in.ServeUnavailable;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.PageRequest;
import dev.mosaic.federation.application.port.out.ResourcePage;
import dev.mosaic.federation.application.port.out.ResourceStore;
import dev.mosaic.federation.application.port.out.SearchHit;
import dev.mosaic.federation.application.port.out.SearchRequest;
import dev.mosaic.federation.application.service.ServingWorld.Granted;
import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.audit.QueryHash;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.GrantFixtures;
import dev.mosaic.federation.domain.fixtures.ItemFixtures;
import dev.mosaic.federation.domain.fixtures.ScopeFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.GrantTransition;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.scope.ResourceFilter;
import dev.mosaic.federation.domain.scope.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ServeFederatedRequestServiceTest {
  private final ServingWorld world = new ServingWorld();
  private final ServeFederatedRequestService service = world.service();

  // rows of every kind of visibility, for E1's point of view
  private final ResourceItem e1Personal = world.add(ItemFixtures.aTask().ownedBy(world.e1.id()));
  private final ResourceItem e1InT1 =
      world.add(ItemFixtures.aTask().ownedBy(world.e1.id()).inTeam(world.t1));
  private final ResourceItem e2InT2 =
      world.add(ItemFixtures.aTask().ownedBy(world.e2.id()).inTeam(world.t2));
  private final ResourceItem e2Personal = world.add(ItemFixtures.aTask().ownedBy(world.e2.id()));
  private final ResourceItem e2InT3 =
      world.add(ItemFixtures.aTask().ownedBy(world.e2.id()).inTeam(world.t3));
  private final ResourceItem outsiderPersonal =
      world.add(ItemFixtures.aTask().ownedBy(world.outsider.id()));
  private final ResourceItem e1Note = world.add(ItemFixtures.aNote().ownedBy(world.e1.id()));
  private final ResourceItem e2Note = world.add(ItemFixtures.aNote().ownedBy(world.e2.id()));
  private final ResourceItem e2Memory = world.add(ItemFixtures.aMemory().ownedBy(world.e2.id()));
  private final ResourceItem e1Credential =
      world.add(ItemFixtures.aCredential().ownedBy(world.e1.id()));

  private static ServeListResult.Listed listed(ServeListResult result) {
    assertThat(result).isInstanceOf(ServeListResult.Listed.class);
    return (ServeListResult.Listed) result;
  }

  private static ServeRefused refused(Object result) {
    assertThat(result).isInstanceOf(ServeRefused.class);
    return (ServeRefused) result;
  }

  private static List<String> ids(List<Map<String, Object>> items) {
    return items.stream().map(i -> (String) i.get("id")).toList();
  }

  private static String id(ResourceItem item) {
    return item.id().toString();
  }

  private AuditEvent lastAudit() {
    return world.stores.audit().all().getLast();
  }

  /** Every row of a listing, following {@code nextCursor} to the end. */
  private List<String> pageThrough(Granted granted, String resource, long limit) {
    List<String> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    for (int pages = 0; pages < 1_000; pages++) {
      ServeListResult.Listed page =
          listed(service.list(granted.list(resource, OptionalLong.of(limit), cursor)));
      seen.addAll(ids(page.items()));
      cursor = page.nextCursor();
      if (cursor.isEmpty()) {
        return seen;
      }
    }
    throw new AssertionError("paging never ended");
  }

  // ---- AC-2: scope filters ----

  @Test
  void list_defaultScope_returnsExactlyPersonalAndTeamRowsOfTheSubject() {
    Granted g1 = world.grant(world.e1);

    ServeListResult.Listed page = listed(service.list(g1.list("tasks")));

    assertThat(ids(page.items())).containsExactlyInAnyOrder(id(e1Personal), id(e1InT1), id(e2InT2));
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void list_includeTeamsT1_dropsT2Rows() {
    Scope scope = ScopeFixtures.aScope().filter(Resource.TASKS, true, Set.of(world.t1)).build();
    Granted g1 = world.grant(world.e1, scope);

    assertThat(ids(listed(service.list(g1.list("tasks"))).items()))
        .containsExactlyInAnyOrder(id(e1Personal), id(e1InT1));
  }

  @Test
  void list_includeTeamsOfATeamTheSubjectIsNotIn_contributesNothing() {
    Scope scope = ScopeFixtures.aScope().filter(Resource.TASKS, false, Set.of(world.t3)).build();
    Granted g1 = world.grant(world.e1, scope);

    assertThat(listed(service.list(g1.list("tasks"))).items()).isEmpty();
  }

  @Test
  void list_includePersonalFalse_dropsPersonalRows() {
    Scope scope =
        ScopeFixtures.aScope()
            .filter(Resource.TASKS, new ResourceFilter(false, Optional.empty()))
            .build();
    Granted g1 = world.grant(world.e1, scope);

    assertThat(ids(listed(service.list(g1.list("tasks"))).items()))
        .containsExactlyInAnyOrder(id(e1InT1), id(e2InT2));
  }

  @Test
  void list_items_areInWireFormWithoutSecretsOrEmbeddings() {
    Granted g1 = world.grant(world.e1);

    Map<String, Object> item = listed(service.list(g1.list("tasks", 1))).items().getFirst();

    assertThat(item)
        .containsOnlyKeys(
            "id",
            "title",
            "status",
            "priority",
            "dueAt",
            "teamId",
            "ownerUserId",
            "createdAt",
            "updatedAt");
  }

  // ---- row cap and paging ----

  @Test
  void list_maxRowsPerQuery_capsEveryPageAndCursorPagesTheRest() {
    for (int i = 0; i < 7; i++) {
      world.add(ItemFixtures.aNote().ownedBy(world.e1.id()).createdAt(Times.T0));
    }
    Granted g1 = world.grant(world.e1, ScopeFixtures.aScope().maxRows(3).build());

    ServeListResult.Listed first = listed(service.list(g1.list("notes", 1_000)));

    assertThat(first.items()).hasSize(3);
    assertThat(first.nextCursor()).isPresent();
    List<String> all = pageThrough(g1, "notes", 1_000);
    assertThat(all).hasSize(8).doesNotHaveDuplicates().contains(id(e1Note));
  }

  @Test
  void list_noLimit_defaultsToMaxRowsPerQuery() {
    for (int i = 0; i < 4; i++) {
      world.add(ItemFixtures.aNote().ownedBy(world.e1.id()));
    }
    Granted g1 = world.grant(world.e1, ScopeFixtures.aScope().maxRows(2).build());

    assertThat(listed(service.list(g1.list("notes"))).items()).hasSize(2);
  }

  @Test
  void list_hugeLimit_isClampedNotRefused() {
    Granted g1 = world.grant(world.e1, ScopeFixtures.aScope().maxRows(1).build());

    assertThat(listed(service.list(g1.list("tasks", Long.MAX_VALUE))).items()).hasSize(1);
  }

  @Test
  void list_limitZeroOrNegative_isInvalidRequestAndAuditedInvalid() {
    Granted g1 = world.grant(world.e1);
    for (long limit : new long[] {0, -1, Long.MIN_VALUE}) {
      ServeRefused refusal = refused(service.list(g1.list("tasks", limit)));

      assertThat(refusal.refusal()).isEqualTo(Refusal.INVALID_REQUEST);
      assertThat(lastAudit().outcome()).isEqualTo(AuditOutcome.INVALID);
      assertThat(lastAudit().statusCode()).hasValue(400);
    }
  }

  @Test
  void list_pagingWithIdenticalCreatedAt_returnsEveryVisibleRowOnce() {
    List<String> expected = new ArrayList<>(List.of(id(e1Note)));
    for (int i = 0; i < 25; i++) {
      expected.add(id(world.add(ItemFixtures.aNote().ownedBy(world.e1.id()).createdAt(Times.T0))));
      world.add(ItemFixtures.aNote().ownedBy(world.e2.id()).createdAt(Times.T0));
    }
    Granted g1 = world.grant(world.e1);

    assertThat(pageThrough(g1, "notes", 4)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void list_updatedSince_returnsOnlyRowsUpdatedSinceAndBindsTheCursor() {
    for (int i = 0; i < 3; i++) {
      world.add(
          ItemFixtures.aNote()
              .ownedBy(world.e1.id())
              .createdAt(Times.T0)
              .updatedAt(Times.T0.plusSeconds(100)));
    }
    Granted g1 = world.grant(world.e1);
    String since = Times.T0.plusSeconds(50).toString();

    ServeListResult.Listed page =
        listed(
            service.list(
                new ServeListCommand(
                    g1.context(),
                    "notes",
                    OptionalLong.of(2),
                    Optional.empty(),
                    Optional.of(since))));
    assertThat(page.items()).hasSize(2);
    ServeListResult.Listed rest =
        listed(
            service.list(
                new ServeListCommand(
                    g1.context(),
                    "notes",
                    OptionalLong.of(2),
                    page.nextCursor(),
                    Optional.of(since))));
    ServeListResult withoutSince =
        service.list(g1.list("notes", OptionalLong.of(2), page.nextCursor()));

    assertThat(rest.items()).hasSize(1);
    assertThat(refused(withoutSince).message()).isEqualTo("invalid cursor");
  }

  @Test
  void list_malformedUpdatedSince_isInvalidRequest() {
    Granted g1 = world.grant(world.e1);

    ServeListResult result =
        service.list(
            new ServeListCommand(
                g1.context(),
                "tasks",
                OptionalLong.empty(),
                Optional.empty(),
                Optional.of("yesterday")));

    assertThat(refused(result).refusal()).isEqualTo(Refusal.INVALID_REQUEST);
    assertThat(refused(result).message()).contains("updatedSince");
  }

  // ---- cursors ----

  @Test
  void list_cursorTakenFromAnotherGrantsResults_isInvalidRequestNeverData() {
    for (int i = 0; i < 3; i++) {
      world.add(ItemFixtures.aTask().ownedBy(world.e2.id()).createdAt(Times.T0));
    }
    Granted g1 = world.grant(world.e1);
    Granted g2 = world.grant(world.e2);
    String e2Cursor = listed(service.list(g2.list("tasks", 1))).nextCursor().orElseThrow();

    ServeListResult result =
        service.list(g1.list("tasks", OptionalLong.of(1), Optional.of(e2Cursor)));

    assertThat(refused(result).refusal()).isEqualTo(Refusal.INVALID_REQUEST);
    assertThat(refused(result).message()).isEqualTo("invalid cursor");
    assertThat(lastAudit().outcome()).isEqualTo(AuditOutcome.INVALID);
    assertThat(lastAudit().rowsOut()).hasValue(0);
  }

  @Test
  void list_cursorForAnotherResource_isInvalidRequest() {
    world.add(ItemFixtures.aTask().ownedBy(world.e1.id()));
    Granted g1 = world.grant(world.e1);
    String tasksCursor = listed(service.list(g1.list("tasks", 1))).nextCursor().orElseThrow();

    assertThat(
            refused(service.list(g1.list("notes", OptionalLong.of(1), Optional.of(tasksCursor))))
                .refusal())
        .isEqualTo(Refusal.INVALID_REQUEST);
  }

  @Test
  void list_cursorWithForgedMac_isInvalidRequest() {
    world.add(ItemFixtures.aTask().ownedBy(world.e1.id()));
    Granted g1 = world.grant(world.e1);
    String cursor = listed(service.list(g1.list("tasks", 1))).nextCursor().orElseThrow();
    char last = cursor.charAt(cursor.length() - 2);
    String forged =
        cursor.substring(0, cursor.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + cursor.charAt(cursor.length() - 1);

    assertThat(
            refused(service.list(g1.list("tasks", OptionalLong.of(1), Optional.of(forged))))
                .message())
        .isEqualTo("invalid cursor");
  }

  @Test
  void list_cursorAfterTheScopeNarrowed_isInvalidRequest() {
    world.add(ItemFixtures.aTask().ownedBy(world.e1.id()));
    Granted g1 = world.grant(world.e1);
    String cursor = listed(service.list(g1.list("tasks", 1))).nextCursor().orElseThrow();
    Scope narrower = ScopeFixtures.aScope().filter(Resource.TASKS, true, Set.of(world.t1)).build();
    GrantTransition changed = g1.grant().replaceScope(narrower, world.clock.instant());
    world.stores.grants().update(((GrantTransition.Applied) changed).grant());

    assertThat(
            refused(service.list(g1.list("tasks", OptionalLong.of(1), Optional.of(cursor))))
                .refusal())
        .isEqualTo(Refusal.INVALID_REQUEST);
  }

  // ---- AC-3: no leakage ----

  @Test
  void e1sGrant_neverYieldsAnE2OnlyRow_throughAnyVerbResourceFilterOrLimit() {
    Granted g1 = world.grant(world.e1);
    Granted g1Teams =
        world.grant(
            world.e1,
            ScopeFixtures.aScope()
                .resources(Resource.TASKS, Resource.NOTES, Resource.MEMORY, Resource.CREDENTIALS)
                .filter(Resource.TASKS, true, Set.of(world.t1, world.t2, world.t3))
                .filter(Resource.NOTES, true, Set.of(world.t3))
                .build());
    Set<String> e2Only =
        Set.of(id(e2Personal), id(e2InT3), id(e2Note), id(e2Memory), id(outsiderPersonal));
    List<String> served = new ArrayList<>();
    for (Granted g : List.of(g1, g1Teams)) {
      for (Resource r : Resource.values()) {
        for (long limit : new long[] {1, 2, 100, Long.MAX_VALUE}) {
          served.addAll(pageThroughOrEmpty(g, r.wireName(), limit));
        }
        for (String id : e2Only) {
          if (service.get(g.get(r.wireName(), id)) instanceof ServeGetResult.Found found) {
            served.add((String) found.item().get("id"));
          }
        }
      }
    }

    assertThat(served).isNotEmpty().doesNotContainAnyElementsOf(e2Only);
  }

  private List<String> pageThroughOrEmpty(Granted g, String resource, long limit) {
    return service.list(g.list(resource, limit)) instanceof ServeListResult.Listed
        ? pageThrough(g, resource, limit)
        : List.of();
  }

  @Test
  void get_anotherUsersExistingRow_isNotFoundExactlyLikeAMissingId() {
    Granted g1 = world.grant(world.e1);

    ServeGetResult invisible = service.get(g1.get("tasks", id(e2Personal)));
    ServeGetResult missing = service.get(g1.get("tasks", UUID.randomUUID().toString()));

    assertThat(invisible).isInstanceOf(ServeGetResult.NotFound.class).isEqualTo(missing);
    assertThat(lastAudit().outcome()).isEqualTo(AuditOutcome.NOT_FOUND);
    assertThat(lastAudit().statusCode()).hasValue(404);
  }

  @Test
  void get_visibleRow_isFoundInWireForm() {
    Granted g1 = world.grant(world.e1);

    ServeGetResult result = service.get(g1.get("tasks", id(e2InT2)));

    assertThat(result)
        .isInstanceOfSatisfying(
            ServeGetResult.Found.class,
            found -> assertThat(found.item()).isEqualTo(e2InT2.toWire()));
    assertThat(lastAudit().rowsOut()).hasValue(1);
  }

  @Test
  void get_rowOfAnotherResourceWithThatId_isNotFound() {
    Granted g1 = world.grant(world.e1);

    assertThat(service.get(g1.get("notes", id(e1Personal))))
        .isInstanceOf(ServeGetResult.NotFound.class);
  }

  @Test
  void get_nonUuidId_isInvalidRequest() {
    Granted g1 = world.grant(world.e1);
    for (String bad : List.of("42", "not-a-uuid", "", id(e1Personal) + "0", "1-1-1-1-1")) {
      assertThat(refused(service.get(g1.get("tasks", bad))).message())
          .isEqualTo("id must be a UUID");
    }
  }

  // ---- scope refusals ----

  @Test
  void getAndList_credentialsExcluded_isScopeViolation() {
    Granted g1 = world.grant(world.e1);

    assertThat(refused(service.get(g1.get("credentials", id(e1Credential)))).refusal())
        .isEqualTo(Refusal.SCOPE_VIOLATION);
    assertThat(refused(service.list(g1.list("credentials"))).refusal())
        .isEqualTo(Refusal.SCOPE_VIOLATION);
    assertThat(lastAudit().outcome()).isEqualTo(AuditOutcome.DENIED);
  }

  @Test
  void credentials_listedInTheScope_areStillNeverServed() {
    Scope scope =
        ScopeFixtures.aScope()
            .resources(Resource.TASKS, Resource.CREDENTIALS, Resource.API_KEYS)
            .build();
    Granted g1 = world.grant(world.e1, scope);

    assertThat(refused(service.get(g1.get("credentials", id(e1Credential)))).refusal())
        .isEqualTo(Refusal.SCOPE_VIOLATION);
    assertThat(refused(service.list(g1.list("api_keys"))).refusal())
        .isEqualTo(Refusal.SCOPE_VIOLATION);
  }

  @Test
  void list_unknownResource_isInvalidRequest() {
    Granted g1 = world.grant(world.e1);

    assertThat(refused(service.list(g1.list("secrets"))).refusal())
        .isEqualTo(Refusal.INVALID_REQUEST);
    assertThat(lastAudit().resource()).hasValue("secrets");
  }

  @Test
  void list_resourceNotGranted_isScopeViolation() {
    Granted g1 = world.grant(world.e1, ScopeFixtures.aScope().resources(Resource.NOTES).build());

    assertThat(refused(service.list(g1.list("tasks"))).refusal())
        .isEqualTo(Refusal.SCOPE_VIOLATION);
  }

  // ---- identity ----

  @Test
  void everyVerb_missingExtensions_isUnauthorizedAndAuditedWithoutGrant() {
    var noExtensions =
        new FederatedRequestContext(
            new CertificateIdentity(
                Optional.empty(), Optional.empty(), CertificateFixtures.aFingerprint()),
            dev.mosaic.federation.domain.audit.RequestId.of(UUID.randomUUID()),
            Optional.empty());

    assertThat(refused(service.capabilities(noExtensions)).refusal())
        .isEqualTo(Refusal.UNAUTHORIZED);
    assertThat(
            refused(
                    service.list(
                        new ServeListCommand(
                            noExtensions,
                            "tasks",
                            OptionalLong.empty(),
                            Optional.empty(),
                            Optional.empty())))
                .refusal())
        .isEqualTo(Refusal.UNAUTHORIZED);
    assertThat(world.stores.audit().all())
        .hasSize(2)
        .allSatisfy(
            row -> {
              assertThat(row.outcome()).isEqualTo(AuditOutcome.DENIED);
              assertThat(row.statusCode()).hasValue(401);
              assertThat(row.grantId()).isEmpty();
              assertThat(row.certFingerprint()).hasValue(noExtensions.identity().fingerprint());
            });
  }

  @Test
  void list_certificateNotPinned_isForbiddenWithTheGenericMessage() {
    Granted g1 = world.grant(world.e1);
    Granted impostor = new Granted(g1.grant(), CertificateFixtures.aPin());

    ServeRefused refusal = refused(service.list(impostor.list("tasks")));

    assertThat(refusal.refusal()).isEqualTo(Refusal.FORBIDDEN);
    assertThat(refusal.message()).isEqualTo(AuthorizeRequestService.FORBIDDEN_MESSAGE);
  }

  @Test
  void list_revokedGrant_isGrantRevoked() {
    Granted g1 = world.grant(world.e1);
    GrantTransition revoked = g1.grant().revoke(world.clock.instant(), "test");
    world.stores.grants().update(((GrantTransition.Applied) revoked).grant());

    assertThat(refused(service.list(g1.list("tasks"))).refusal()).isEqualTo(Refusal.GRANT_REVOKED);
  }

  @Test
  void list_bucketEmpty_isRateLimitedAndAudited() {
    Granted g1 = world.grant(world.e1, ScopeFixtures.aScope().rateLimit(60, 1).build());
    service.list(g1.list("tasks"));

    ServeListResult result = service.list(g1.list("tasks"));

    assertThat(result)
        .isInstanceOfSatisfying(
            ServeRateLimited.class,
            limited -> {
              assertThat(limited.retryAfterSeconds()).isEqualTo(1);
              assertThat(limited.retryAfterMs()).isBetween(1L, 1_000L);
            });
    assertThat(lastAudit().outcome()).isEqualTo(AuditOutcome.RATE_LIMITED);
    assertThat(lastAudit().statusCode()).hasValue(429);
    assertThat(lastAudit().grantId()).hasValue(g1.grant().id());
  }

  // ---- capabilities ----

  @Test
  void capabilities_describeTheGrantButNeverOfferSensitiveResources() {
    Scope scope =
        ScopeFixtures.aScope()
            .resources(Resource.TASKS, Resource.NOTES, Resource.CREDENTIALS)
            .excluding(Resource.MEMORY)
            .maxRows(42)
            .rateLimit(30, 5)
            .build();
    Granted g1 = world.grant(world.e1, scope);

    ServeCapabilitiesResult result = service.capabilities(g1.context());

    assertThat(result).isInstanceOf(ServeCapabilitiesResult.Served.class);
    Map<String, Object> wire = ((ServeCapabilitiesResult.Served) result).toWire();
    assertThat(wire)
        .containsEntry("grantId", g1.grant().id().toString())
        .containsEntry("resources", List.of("tasks", "notes"))
        .containsEntry("excludedResources", List.of("memory", "credentials"))
        .containsEntry("maxRowsPerQuery", 42)
        .containsEntry("verbs", List.of("capabilities", "list", "get", "search"))
        .containsEntry("rateLimit", Map.of("requestsPerMinute", 30, "burst", 5))
        .containsEntry("serverTime", world.clock.instant().toString());
    assertThat(lastAudit().event()).isEqualTo("capabilities");
    assertThat(lastAudit().outcome()).isEqualTo(AuditOutcome.ALLOWED);
  }

  @Test
  void capabilities_scopeWithoutRateLimit_reportsTheConfiguredDefault() {
    Granted g1 = world.grant(world.e1);

    Map<String, Object> wire =
        ((ServeCapabilitiesResult.Served) service.capabilities(g1.context())).toWire();

    assertThat(wire).containsEntry("rateLimit", Map.of("requestsPerMinute", 600, "burst", 100));
  }

  // ---- audit ----

  @Test
  void list_allowed_writesOneAttributedAuditRow() {
    Granted g1 = world.grant(world.e1);
    ServeListCommand command = g1.list("tasks", 2);

    service.list(command);

    assertThat(world.stores.audit().all()).hasSize(1);
    AuditEvent row = lastAudit();
    Map<String, Object> canonical = new LinkedHashMap<>();
    canonical.put("verb", "list");
    canonical.put("resource", "tasks");
    canonical.put("limit", 2L);
    assertThat(row.event()).isEqualTo("list");
    assertThat(row.outcome()).isEqualTo(AuditOutcome.ALLOWED);
    assertThat(row.requestId()).hasValue(command.context().requestId());
    assertThat(row.traceId()).isEqualTo(command.context().traceId());
    assertThat(row.grantId()).hasValue(g1.grant().id());
    assertThat(row.peerId()).hasValue(g1.grant().peerId());
    assertThat(row.subjectUserId()).hasValue(world.e1.id());
    assertThat(row.certFingerprint()).hasValue(g1.pin().fingerprint());
    assertThat(row.resource()).hasValue("tasks");
    assertThat(row.queryHash()).hasValue(QueryHash.ofRequest(canonical));
    assertThat(row.statusCode()).hasValue(200);
    assertThat(row.rowsOut()).hasValue(2);
    assertThat(row.bytesOut()).isPresent();
    assertThat(row.bytesOut().getAsLong()).isPositive();
    assertThat(row.latencyMs()).hasValue(0);
    assertThat(row.reason()).isEmpty();
  }

  @Test
  void everyOutcome_writesExactlyOneRowPerRequest() {
    Granted g1 = world.grant(world.e1);
    List<Supplier<Object>> requests =
        List.of(
            () -> service.capabilities(g1.context()),
            () -> service.list(g1.list("tasks")),
            () -> service.list(g1.list("nope")),
            () -> service.list(g1.list("credentials")),
            () -> service.get(g1.get("tasks", id(e2Personal))),
            () -> service.get(g1.get("tasks", "x")),
            () -> service.get(g1.get("tasks", id(e1Personal))));

    for (int i = 0; i < requests.size(); i++) {
      requests.get(i).get();
      assertThat(world.stores.audit().all()).hasSize(i + 1);
    }
    assertThat(world.stores.audit().all())
        .extracting(AuditEvent::outcome)
        .containsExactly(
            AuditOutcome.ALLOWED,
            AuditOutcome.ALLOWED,
            AuditOutcome.INVALID,
            AuditOutcome.DENIED,
            AuditOutcome.NOT_FOUND,
            AuditOutcome.INVALID,
            AuditOutcome.ALLOWED);
  }

  @Test
  void everyVerb_auditStoreDown_isUnavailableAndServesNothing() {
    Granted g1 = world.grant(world.e1);
    world.stores.audit().failWith(new InfrastructureException("audit store down", true));

    assertThat(service.capabilities(g1.context())).isInstanceOf(ServeUnavailable.class);
    assertThat(service.list(g1.list("tasks"))).isInstanceOf(ServeUnavailable.class);
    assertThat(service.get(g1.get("tasks", id(e1Personal)))).isInstanceOf(ServeUnavailable.class);
    assertThat(service.get(g1.get("tasks", id(e2Personal)))).isInstanceOf(ServeUnavailable.class);
    assertThat(service.list(g1.list("credentials"))).isInstanceOf(ServeUnavailable.class);
  }

  @Test
  void list_resourceStoreDown_isUnavailableAndAuditedAsError() {
    Granted g1 = world.grant(world.e1);
    ServeFederatedRequestService broken = world.service(new FailingResourceStore());

    assertThat(broken.list(g1.list("tasks"))).isInstanceOf(ServeUnavailable.class);
    assertThat(broken.get(g1.get("tasks", id(e1Personal)))).isInstanceOf(ServeUnavailable.class);
    assertThat(world.stores.audit().all())
        .hasSize(2)
        .allSatisfy(
            row -> {
              assertThat(row.outcome()).isEqualTo(AuditOutcome.ERROR);
              assertThat(row.statusCode()).hasValue(503);
              assertThat(row.grantId()).hasValue(g1.grant().id());
            });
  }

  @Test
  void list_latency_isMeasuredOnTheInjectedClock() {
    Granted g1 = world.grant(world.e1);
    ServeFederatedRequestService slow =
        world.service(
            new SlowResourceStore(
                world.stores.resources(), () -> world.clock.advance(Duration.ofMillis(250))));

    slow.list(g1.list("tasks"));

    assertThat(lastAudit().latencyMs()).hasValue(250);
  }

  // ---- requests the wire rules refused ----

  private static RefuseRequestCommand refusal(
      Optional<CertificateIdentity> identity, Refusal refusal, String message) {
    return new RefuseRequestCommand(
        identity,
        dev.mosaic.federation.domain.audit.RequestId.of(UUID.randomUUID()),
        Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"),
        "list",
        Optional.of("tasks"),
        refusal,
        message);
  }

  @Test
  void refuse_pinnedCertificate_isAuditedInvalidAndAttributedToItsGrant() {
    Granted g1 = world.grant(world.e1);
    RefuseRequestCommand command =
        refusal(Optional.of(g1.identity()), Refusal.INVALID_REQUEST, "malformed JSON at 1:10");

    ServeRefused refused = refused(service.refuse(command));

    assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_REQUEST);
    assertThat(refused.message()).isEqualTo("malformed JSON at 1:10");
    assertThat(world.stores.audit().all()).hasSize(1);
    AuditEvent row = lastAudit();
    assertThat(row.event()).isEqualTo("list");
    assertThat(row.resource()).hasValue("tasks");
    assertThat(row.outcome()).isEqualTo(AuditOutcome.INVALID);
    assertThat(row.statusCode()).hasValue(400);
    assertThat(row.reason()).hasValue("malformed JSON at 1:10");
    assertThat(row.requestId()).hasValue(command.requestId());
    assertThat(row.traceId()).isEqualTo(command.traceId());
    assertThat(row.grantId()).hasValue(g1.grant().id());
    assertThat(row.peerId()).hasValue(g1.grant().peerId());
    assertThat(row.subjectUserId()).hasValue(world.e1.id());
    assertThat(row.certFingerprint()).hasValue(g1.pin().fingerprint());
  }

  @Test
  void refuse_methodOrSizeOrPath_isAuditedInvalidWithItsStatus() {
    Granted g1 = world.grant(world.e1);

    service.refuse(refusal(Optional.of(g1.identity()), Refusal.METHOD_NOT_ALLOWED, "m"));
    service.refuse(refusal(Optional.of(g1.identity()), Refusal.PAYLOAD_TOO_LARGE, "s"));
    service.refuse(refusal(Optional.of(g1.identity()), Refusal.NOT_FOUND, "p"));

    assertThat(world.stores.audit().all())
        .allSatisfy(row -> assertThat(row.outcome()).isEqualTo(AuditOutcome.INVALID))
        .extracting(row -> row.statusCode().getAsInt())
        .containsExactly(405, 413, 404);
  }

  @Test
  void refuse_unknownGrantOrUnpinnedOrForeignSubject_isNotAttributedButKeepsTheFingerprint() {
    Granted g1 = world.grant(world.e1);
    Granted unknown =
        new Granted(GrantFixtures.anActiveGrant().build(), CertificateFixtures.aPin());
    Granted unpinned = new Granted(g1.grant(), CertificateFixtures.aPin());
    CertificateIdentity foreignSubject =
        new CertificateIdentity(
            g1.identity().grantIdExtension(),
            Optional.of(world.e2.id().toString()),
            g1.pin().fingerprint());

    for (CertificateIdentity identity :
        List.of(unknown.identity(), unpinned.identity(), foreignSubject)) {
      service.refuse(refusal(Optional.of(identity), Refusal.INVALID_REQUEST, "bad"));

      assertThat(lastAudit().grantId()).isEmpty();
      assertThat(lastAudit().peerId()).isEmpty();
      assertThat(lastAudit().subjectUserId()).isEmpty();
      assertThat(lastAudit().certFingerprint()).hasValue(identity.fingerprint());
    }
  }

  @Test
  void refuse_withoutCertificate_isDeniedWithoutGrantOrFingerprint() {
    ServeRefused refused =
        refused(service.refuse(refusal(Optional.empty(), Refusal.UNAUTHORIZED, "no cert")));

    assertThat(refused.refusal()).isEqualTo(Refusal.UNAUTHORIZED);
    assertThat(lastAudit().outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(lastAudit().statusCode()).hasValue(401);
    assertThat(lastAudit().grantId()).isEmpty();
    assertThat(lastAudit().certFingerprint()).isEmpty();
  }

  @Test
  void refuse_neverConsumesARateLimitToken() {
    Granted g1 = world.grant(world.e1, ScopeFixtures.aScope().rateLimit(60, 1).build());

    for (int i = 0; i < 3; i++) {
      service.refuse(refusal(Optional.of(g1.identity()), Refusal.INVALID_REQUEST, "bad"));
    }

    assertThat(service.list(g1.list("tasks"))).isInstanceOf(ServeListResult.Listed.class);
  }

  @Test
  void refuse_auditStoreDown_isUnavailable() {
    Granted g1 = world.grant(world.e1);
    world.stores.audit().failWith(new InfrastructureException("audit store down", true));

    assertThat(service.refuse(refusal(Optional.of(g1.identity()), Refusal.INVALID_REQUEST, "x")))
        .isInstanceOf(ServeUnavailable.class);
    assertThat(service.refuse(refusal(Optional.empty(), Refusal.UNAUTHORIZED, "x")))
        .isInstanceOf(ServeUnavailable.class);
  }

  /** A store that is down. */
  private static final class FailingResourceStore implements ResourceStore {
    @Override
    public ResourcePage list(Resource resource, EffectiveFilter filter, PageRequest page) {
      throw new InfrastructureException("database unreachable", true);
    }

    @Override
    public Optional<ResourceItem> get(Resource resource, EffectiveFilter filter, UUID id) {
      throw new InfrastructureException("database unreachable", true);
    }

    @Override
    public List<SearchHit> search(
        Resource resource, EffectiveFilter filter, SearchRequest request) {
      throw new InfrastructureException("database unreachable", true);
    }
  }

  /** A store whose reads take time on the test clock. */
  private record SlowResourceStore(ResourceStore delegate, Runnable elapse)
      implements ResourceStore {
    @Override
    public ResourcePage list(Resource resource, EffectiveFilter filter, PageRequest page) {
      elapse.run();
      return delegate.list(resource, filter, page);
    }

    @Override
    public Optional<ResourceItem> get(Resource resource, EffectiveFilter filter, UUID id) {
      elapse.run();
      return delegate.get(resource, filter, id);
    }

    @Override
    public List<SearchHit> search(
        Resource resource, EffectiveFilter filter, SearchRequest request) {
      return delegate.search(resource, filter, request);
    }
  }
}
