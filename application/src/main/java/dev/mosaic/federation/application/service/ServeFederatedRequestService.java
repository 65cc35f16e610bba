package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.Authorization;
import dev.mosaic.federation.application.port.in.AuthorizeRequestCommand;
import dev.mosaic.federation.application.port.in.AuthorizeRequestUseCase;
import dev.mosaic.federation.application.port.in.CertificateIdentity;
import dev.mosaic.federation.application.port.in.FederatedRequestContext;
import dev.mosaic.federation.application.port.in.IdentityCheck;
import dev.mosaic.federation.application.port.in.Refusal;
import dev.mosaic.federation.application.port.in.RefuseRequestCommand;
import dev.mosaic.federation.application.port.in.RequestRateLimited;
import dev.mosaic.federation.application.port.in.RequestRefused;
import dev.mosaic.federation.application.port.in.ServeCapabilitiesResult;
import dev.mosaic.federation.application.port.in.ServeFailure;
import dev.mosaic.federation.application.port.in.ServeFederatedRequestUseCase;
import dev.mosaic.federation.application.port.in.ServeGetCommand;
import dev.mosaic.federation.application.port.in.ServeGetResult;
import dev.mosaic.federation.application.port.in.ServeListCommand;
import dev.mosaic.federation.application.port.in.ServeListResult;
import dev.mosaic.federation.application.port.in.ServeRateLimited;
import dev.mosaic.federation.application.port.in.ServeRefused;
import dev.mosaic.federation.application.port.in.ServeSearchCommand;
import dev.mosaic.federation.application.port.in.ServeSearchResult;
import dev.mosaic.federation.application.port.in.ServeUnavailable;
import dev.mosaic.federation.application.port.out.AuditLog;
import dev.mosaic.federation.application.port.out.Embedder;
import dev.mosaic.federation.application.port.out.IdGenerator;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.PagePosition;
import dev.mosaic.federation.application.port.out.PageRequest;
import dev.mosaic.federation.application.port.out.ResourcePage;
import dev.mosaic.federation.application.port.out.ResourceStore;
import dev.mosaic.federation.application.port.out.SearchHit;
import dev.mosaic.federation.application.port.out.SearchRequest;
import dev.mosaic.federation.domain.access.AccessDecision;
import dev.mosaic.federation.domain.access.AccessPolicy;
import dev.mosaic.federation.domain.access.DenialReason;
import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditEventId;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.audit.QueryHash;
import dev.mosaic.federation.domain.audit.RequestId;
import dev.mosaic.federation.domain.common.CanonicalJson;
import dev.mosaic.federation.domain.common.Uuids;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.scope.Scope;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * {@link ServeFederatedRequestUseCase}: {@link AuthorizeRequestUseCase} (identity, rate limit,
 * scope, row cap), then the semantic checks of the body (id, {@code updatedSince}, cursor), the
 * read under the effective filter, and one audit row per request, appended (and so committed)
 * before the result is returned — also for the requests the wire rules refused ({@link #refuse}).
 */
public class ServeFederatedRequestService implements ServeFederatedRequestUseCase {
  /** The verbs this gateway serves. */
  static final List<String> VERBS = List.of("capabilities", "list", "get", "search");

  static final int MAX_QUERY_LENGTH = 256;
  static final String INVALID_QUERY = "query must be 1-" + MAX_QUERY_LENGTH + " characters";
  static final String INVALID_EMBEDDING =
      "embedding must have " + Embedder.DIMENSIONS + " finite numbers";

  static final String INVALID_CURSOR = "invalid cursor";
  static final String INVALID_ID = "id must be a UUID";
  static final String INVALID_UPDATED_SINCE =
      "updatedSince must be an ISO-8601 instant such as 2025-01-01T00:00:00Z";

  private static final ServeUnavailable UNAVAILABLE =
      new ServeUnavailable(ServeUnavailable.MESSAGE);

  private final AuthorizeRequestUseCase authorizer;
  private final ResourceStore store;
  private final AuditLog audit;
  private final CursorCodec cursors;
  private final IdGenerator ids;
  private final InstantSource clock;
  private final ServingDefaults defaults;

  @Inject
  public ServeFederatedRequestService(
      AuthorizeRequestUseCase authorizer,
      ResourceStore store,
      AuditLog audit,
      CursorCodec cursors,
      IdGenerator ids,
      InstantSource clock,
      ServingDefaults defaults) {
    this.authorizer = authorizer;
    this.store = store;
    this.audit = audit;
    this.cursors = cursors;
    this.ids = ids;
    this.clock = clock;
    this.defaults = defaults;
  }

  @Override
  public ServeCapabilitiesResult capabilities(FederatedRequestContext context) {
    Attempt attempt =
        new Attempt(context, "capabilities", Optional.empty(), request("capabilities"));
    try {
      return switch (authorizer.identify(context.identity())) {
        case RequestRefused refused -> attempt.refused(refused);
        case RequestRateLimited limited -> attempt.rateLimited(limited);
        case IdentityCheck.Identified identified -> {
          attempt.grant = Optional.of(identified.grant());
          ServeCapabilitiesResult.Served served = capabilitiesOf(identified.grant());
          yield attempt.allowed(0, served.toWire()) ? served : UNAVAILABLE;
        }
      };
    } catch (InfrastructureException e) {
      return attempt.failed(e);
    } catch (RuntimeException e) {
      throw attempt.crashed(e);
    }
  }

  @Override
  public ServeListResult list(ServeListCommand command) {
    Map<String, Object> request = request("list");
    request.put("resource", command.resource());
    command.limit().ifPresent(l -> request.put("limit", l));
    command.cursor().ifPresent(c -> request.put("cursor", c));
    command.updatedSince().ifPresent(u -> request.put("updatedSince", u));
    Attempt attempt =
        new Attempt(command.context(), "list", Optional.of(command.resource()), request);
    try {
      return switch (authorizer.authorize(
          new AuthorizeRequestCommand(
              command.context().identity(), command.resource(), saturate(command.limit())))) {
        case RequestRefused refused -> attempt.refused(refused);
        case RequestRateLimited limited -> attempt.rateLimited(limited);
        case Authorization.Authorized authorized -> listAuthorized(attempt, authorized, command);
      };
    } catch (InfrastructureException e) {
      return attempt.failed(e);
    } catch (RuntimeException e) {
      throw attempt.crashed(e);
    }
  }

  private ServeListResult listAuthorized(
      Attempt attempt, Authorization.Authorized authorized, ServeListCommand command) {
    attempt.grant = Optional.of(authorized.grant());
    Optional<Instant> updatedSince;
    try {
      updatedSince = command.updatedSince().map(Instant::parse);
    } catch (DateTimeParseException e) {
      return attempt.invalid(INVALID_UPDATED_SINCE, "updatedSince unparsable");
    }
    CursorBinding binding =
        CursorBinding.forGrant(
            authorized.grant().id(), authorized.resource(), authorized.filter(), updatedSince);
    Optional<PagePosition> after = Optional.empty();
    if (command.cursor().isPresent()) {
      after = cursors.decode(binding, command.cursor().get());
      if (after.isEmpty()) {
        return attempt.invalid(INVALID_CURSOR, "cursor refused (malformed, forged or foreign)");
      }
    }
    ResourcePage page =
        store.list(
            authorized.resource(),
            authorized.filter(),
            new PageRequest(authorized.limit(), after, updatedSince));
    List<Map<String, Object>> items =
        page.items().stream()
            .filter(item -> visible(item, authorized.resource(), authorized.filter()))
            .map(ResourceItem::toWire)
            .toList();
    ServeListResult.Listed listed =
        new ServeListResult.Listed(items, page.next().map(next -> cursors.encode(binding, next)));
    return attempt.allowed(items.size(), listed.toWire()) ? listed : UNAVAILABLE;
  }

  @Override
  public ServeGetResult get(ServeGetCommand command) {
    Map<String, Object> request = request("get");
    request.put("resource", command.resource());
    request.put("id", command.id());
    Attempt attempt =
        new Attempt(command.context(), "get", Optional.of(command.resource()), request);
    try {
      return switch (authorizer.authorize(
          new AuthorizeRequestCommand(
              command.context().identity(), command.resource(), OptionalInt.empty()))) {
        case RequestRefused refused -> attempt.refused(refused);
        case RequestRateLimited limited -> attempt.rateLimited(limited);
        case Authorization.Authorized authorized -> getAuthorized(attempt, authorized, command);
      };
    } catch (InfrastructureException e) {
      return attempt.failed(e);
    } catch (RuntimeException e) {
      throw attempt.crashed(e);
    }
  }

  private ServeGetResult getAuthorized(
      Attempt attempt, Authorization.Authorized authorized, ServeGetCommand command) {
    attempt.grant = Optional.of(authorized.grant());
    Optional<UUID> id = Uuids.tryParseCanonical(command.id());
    if (id.isEmpty()) {
      return attempt.invalid(INVALID_ID, "id is not a UUID");
    }
    Optional<ResourceItem> item =
        store
            .get(authorized.resource(), authorized.filter(), id.get())
            .filter(found -> found.id().equals(id.get()))
            .filter(found -> visible(found, authorized.resource(), authorized.filter()));
    if (item.isEmpty()) {
      return attempt.notFound();
    }
    ServeGetResult.Found found = new ServeGetResult.Found(item.get().toWire());
    return attempt.allowed(1, found.toWire()) ? found : UNAVAILABLE;
  }

  @Override
  public ServeSearchResult search(ServeSearchCommand command) {
    Map<String, Object> request = request("search");
    request.put("query", command.query());
    command.resources().ifPresent(r -> request.put("resources", r));
    command.limit().ifPresent(l -> request.put("limit", l));
    command.embedding().ifPresent(e -> request.put("embedding", e));
    Attempt attempt =
        new Attempt(
            command.context(),
            "search",
            command.resources().map(names -> String.join(",", names)),
            request);
    try {
      return switch (authorizer.identify(command.context().identity())) {
        case RequestRefused refused -> attempt.refused(refused);
        case RequestRateLimited limited -> attempt.rateLimited(limited);
        case IdentityCheck.Identified identified -> searchIdentified(attempt, identified, command);
      };
    } catch (InfrastructureException e) {
      return attempt.failed(e);
    } catch (RuntimeException e) {
      throw attempt.crashed(e);
    }
  }

  private ServeSearchResult searchIdentified(
      Attempt attempt, IdentityCheck.Identified identified, ServeSearchCommand command) {
    Grant grant = identified.grant();
    attempt.grant = Optional.of(grant);
    String query = command.query();
    if (query.isBlank() || query.length() > MAX_QUERY_LENGTH) {
      return attempt.invalid(INVALID_QUERY, "query length " + query.length());
    }
    Optional<List<Float>> embedding = Optional.empty();
    if (command.embedding().isPresent()) {
      embedding = embeddingOf(command.embedding().get());
      if (embedding.isEmpty()) {
        return attempt.invalid(INVALID_EMBEDDING, "embedding refused");
      }
    }
    List<String> names =
        command
            .resources()
            .map(list -> list.stream().distinct().toList())
            .orElseGet(() -> searchable(grant.scope()));
    if (names.isEmpty()) {
      return attempt.invalid("resources must not be empty", "no resource to search");
    }
    List<AccessDecision.Allowed> allowed = new ArrayList<>();
    for (String name : names) {
      switch (AccessPolicy.decide(
          name, grant.scope(), identified.subject(), saturate(command.limit()))) {
        case AccessDecision.Allowed a -> allowed.add(a);
        case AccessDecision.Denied denied -> {
          return attempt.refused(refusal(grant, name, denied.reason()));
        }
      }
    }
    attempt.resource = Optional.of(Attempt.shortened(String.join(",", names)));
    int limit = allowed.getFirst().limit();
    List<SearchHit> hits = new ArrayList<>();
    List<ServeSearchResult.ResourceError> errors = new ArrayList<>();
    for (AccessDecision.Allowed a : allowed) {
      SearchRequest searchRequest =
          new SearchRequest(
              query, limit, a.resource() == Resource.MEMORY ? embedding : Optional.empty());
      try {
        store.search(a.resource(), a.filter(), searchRequest).stream()
            .filter(hit -> visible(hit.item(), a.resource(), a.filter()))
            .forEach(hits::add);
      } catch (InfrastructureException e) {
        errors.add(new ServeSearchResult.ResourceError(a.resource().wireName(), "unavailable"));
      }
    }
    List<Map<String, Object>> ranked =
        hits.stream()
            .sorted(Comparator.comparingDouble(SearchHit::score).reversed())
            .limit(limit)
            .map(ServeFederatedRequestService::wireHit)
            .toList();
    ServeSearchResult.Found found = new ServeSearchResult.Found(ranked, errors);
    return attempt.allowed(ranked.size(), found.toWire()) ? found : UNAVAILABLE;
  }

  /** Every granted resource that is neither excluded nor sensitive, in the closed list's order. */
  private static List<String> searchable(Scope scope) {
    return EnumSet.copyOf(scope.resources()).stream()
        .filter(r -> !r.isSensitive() && !scope.excludedResources().contains(r))
        .map(Resource::wireName)
        .toList();
  }

  private static Optional<List<Float>> embeddingOf(List<Double> values) {
    if (values.size() != Embedder.DIMENSIONS) {
      return Optional.empty();
    }
    List<Float> floats = new ArrayList<>(values.size());
    for (Double value : values) {
      if (value == null || !Float.isFinite(value.floatValue())) {
        return Optional.empty();
      }
      floats.add(value.floatValue());
    }
    return Optional.of(floats);
  }

  private static Map<String, Object> wireHit(SearchHit hit) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("resource", hit.item().resource().wireName());
    wire.put("id", hit.item().id().toString());
    wire.put("score", hit.score());
    wire.put("item", hit.item().toWire());
    return wire;
  }

  /** The same answers as a list of a resource the scope does not allow. */
  private static RequestRefused refusal(Grant grant, String name, DenialReason reason) {
    String quoted = "'" + (name.length() <= 64 ? name : name.substring(0, 64) + "…") + "'";
    String message =
        switch (reason) {
          case UNKNOWN_RESOURCE -> "unknown resource " + quoted;
          case INVALID_LIMIT -> "limit must be at least 1";
          case NOT_GRANTED -> "resource " + quoted + " is not granted";
          case EXCLUDED -> "resource " + quoted + " is excluded by the grant's scope";
          case SENSITIVE -> "resource " + quoted + " is never served";
        };
    Refusal refusal = reason.isInvalidRequest() ? Refusal.INVALID_REQUEST : Refusal.SCOPE_VIOLATION;
    return new RequestRefused(
        refusal, Optional.of(grant), message, reason.name().toLowerCase(Locale.ROOT));
  }

  @Override
  public ServeFailure refuse(RefuseRequestCommand command) {
    Map<String, Object> request = request(command.event());
    command.resource().ifPresent(r -> request.put("resource", r));
    Attempt attempt =
        new Attempt(
            command.requestId(),
            command.traceId(),
            command.identity().map(CertificateIdentity::fingerprint),
            command.event(),
            command.resource(),
            request);
    try {
      attempt.grant = command.identity().flatMap(authorizer::attribute);
      Refusal refusal = command.refusal();
      String reason =
          command.message().length() <= 200
              ? command.message()
              : command.message().substring(0, 200) + "…";
      return attempt.commit(
          attempt.row(outcomeOf(refusal), refusal.statusCode(), Optional.of(reason)),
          new ServeRefused(refusal, command.message()));
    } catch (InfrastructureException e) {
      return attempt.failed(e);
    } catch (RuntimeException e) {
      throw attempt.crashed(e);
    }
  }

  /** {@code denied} for who may not ask (401, 403), {@code invalid} for how it was asked. */
  private static AuditOutcome outcomeOf(Refusal refusal) {
    return switch (refusal) {
      case UNAUTHORIZED, FORBIDDEN, GRANT_REVOKED, SCOPE_VIOLATION -> AuditOutcome.DENIED;
      case INVALID_REQUEST, NOT_FOUND, METHOD_NOT_ALLOWED, PAYLOAD_TOO_LARGE ->
          AuditOutcome.INVALID;
    };
  }

  private ServeCapabilitiesResult.Served capabilitiesOf(Grant grant) {
    Scope scope = grant.scope();
    Set<Resource> servable = EnumSet.noneOf(Resource.class);
    Set<Resource> excluded = EnumSet.noneOf(Resource.class);
    excluded.addAll(scope.excludedResources());
    for (Resource r : scope.resources()) {
      (r.isSensitive() ? excluded : servable).add(r);
    }
    return new ServeCapabilitiesResult.Served(
        grant.id(),
        servable,
        excluded,
        scope.maxRowsPerQuery(),
        VERBS,
        scope.rateLimit().orElse(defaults.defaultRateLimit()),
        Times.now(clock));
  }

  /** Defense in depth: the store already filters; a row outside the filter is never sent. */
  private static boolean visible(ResourceItem item, Resource resource, EffectiveFilter filter) {
    return item.resource() == resource
        && !resource.isSensitive()
        && filter.admits(item.ownerUserId(), item.teamId());
  }

  private static Map<String, Object> request(String verb) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("verb", verb);
    return request;
  }

  /** A limit beyond the {@code int} range keeps its sign: clamped later, or refused if below 1. */
  private static OptionalInt saturate(OptionalLong limit) {
    if (limit.isEmpty()) {
      return OptionalInt.empty();
    }
    long value = limit.getAsLong();
    return OptionalInt.of((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value)));
  }

  /** One request in flight: what its audit row needs, and the ways it can end. */
  private final class Attempt {
    private final RequestId requestId;
    private final Optional<String> traceId;
    private final Optional<CertificateFingerprint> fingerprint;
    private final String verb;
    private Optional<String> resource;
    private final QueryHash queryHash;
    private final Instant start;
    private Optional<Grant> grant = Optional.empty();

    Attempt(
        FederatedRequestContext context,
        String verb,
        Optional<String> resource,
        Map<String, Object> request) {
      this(
          context.requestId(),
          context.traceId(),
          Optional.of(context.identity().fingerprint()),
          verb,
          resource,
          request);
    }

    Attempt(
        RequestId requestId,
        Optional<String> traceId,
        Optional<CertificateFingerprint> fingerprint,
        String verb,
        Optional<String> resource,
        Map<String, Object> request) {
      this.requestId = requestId;
      this.traceId = traceId;
      this.fingerprint = fingerprint;
      this.verb = verb;
      this.resource = resource.map(Attempt::shortened);
      this.queryHash = QueryHash.ofRequest(request);
      this.start = clock.instant();
    }

    /**
     * Audits a served answer; false when the row could not be written (then serve nothing). {@code
     * bytes_out} is the size of the body as canonical JSON, the closest the core can know.
     */
    boolean allowed(int rows, Map<String, Object> body) {
      long bytes = CanonicalJson.write(body).getBytes(StandardCharsets.UTF_8).length;
      return append(
          row(AuditOutcome.ALLOWED, 200, Optional.empty()).rowsOut(rows).bytesOut(bytes).build());
    }

    ServeFailure refused(RequestRefused refused) {
      grant = refused.grant();
      return commit(
          row(
              outcomeOf(refused.refusal()),
              refused.refusal().statusCode(),
              Optional.of(refused.auditReason())),
          new ServeRefused(refused.refusal(), refused.message()));
    }

    ServeFailure invalid(String message, String auditReason) {
      return commit(
          row(AuditOutcome.INVALID, Refusal.INVALID_REQUEST.statusCode(), Optional.of(auditReason)),
          new ServeRefused(Refusal.INVALID_REQUEST, message));
    }

    ServeFailure rateLimited(RequestRateLimited limited) {
      grant = Optional.of(limited.grant());
      Duration retryAfter = limited.retryAfter();
      return commit(
          row(AuditOutcome.RATE_LIMITED, 429, Optional.of("retry after " + retryAfter)),
          new ServeRateLimited(retryAfter));
    }

    ServeGetResult notFound() {
      boolean written =
          append(
              row(AuditOutcome.NOT_FOUND, 404, Optional.of("no visible row with that id"))
                  .rowsOut(0)
                  .build());
      return written ? new ServeGetResult.NotFound(ServeGetResult.NotFound.MESSAGE) : UNAVAILABLE;
    }

    ServeFailure failed(InfrastructureException e) {
      append(row(AuditOutcome.ERROR, 503, Optional.of(reason("store failure", e))).build());
      return UNAVAILABLE;
    }

    RuntimeException crashed(RuntimeException e) {
      try {
        append(row(AuditOutcome.ERROR, 500, Optional.of(reason("internal error", e))).build());
      } catch (RuntimeException auditFailure) {
        e.addSuppressed(auditFailure);
      }
      return e;
    }

    /** {@code failure} if its row was written, else 503. */
    private ServeFailure commit(AuditEvent.Builder row, ServeFailure failure) {
      return append(row.rowsOut(0).build()) ? failure : UNAVAILABLE;
    }

    private boolean append(AuditEvent event) {
      try {
        audit.append(event);
        return true;
      } catch (InfrastructureException e) {
        return false;
      }
    }

    private AuditEvent.Builder row(AuditOutcome outcome, int status, Optional<String> reason) {
      Instant end = clock.instant();
      AuditEvent.Builder row =
          AuditEvent.builder(new AuditEventId(ids.newId()), Times.micros(start), verb, outcome)
              .requestId(requestId)
              .queryHash(queryHash)
              .statusCode(status)
              .latencyMs(Math.max(0, Duration.between(start, end).toMillis()));
      traceId.ifPresent(row::traceId);
      fingerprint.ifPresent(row::certFingerprint);
      resource.ifPresent(row::resource);
      reason.ifPresent(row::reason);
      grant.ifPresent(g -> row.grantId(g.id()).peerId(g.peerId()).subjectUserId(g.subjectUserId()));
      return row;
    }

    static String shortened(String resource) {
      return resource.length() <= 128 ? resource : resource.substring(0, 128) + "…";
    }

    private static String reason(String what, RuntimeException e) {
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      String text = what + ": " + detail;
      return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
  }
}
