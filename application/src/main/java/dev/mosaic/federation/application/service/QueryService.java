package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.QueryCommand;
import dev.mosaic.federation.application.port.in.QueryResult;
import dev.mosaic.federation.application.port.in.QueryUseCase;
import dev.mosaic.federation.application.port.in.SourceStatus;
import dev.mosaic.federation.application.port.in.SourceStatus.State;
import dev.mosaic.federation.application.port.out.CacheKey;
import dev.mosaic.federation.application.port.out.Embedder;
import dev.mosaic.federation.application.port.out.IdGenerator;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.LinkHealthRepository;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.application.port.out.NativeAccessDirectory;
import dev.mosaic.federation.application.port.out.PagePosition;
import dev.mosaic.federation.application.port.out.PageRequest;
import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.application.port.out.ResourcePage;
import dev.mosaic.federation.application.port.out.ResourceStore;
import dev.mosaic.federation.application.port.out.ResponseCache;
import dev.mosaic.federation.application.port.out.SearchHit;
import dev.mosaic.federation.application.port.out.SearchRequest;
import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.access.NativeAccess;
import dev.mosaic.federation.domain.common.CanonicalJson;
import dev.mosaic.federation.domain.common.Uuids;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkState;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.scope.Scope;
import dev.mosaic.federation.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@link QueryUseCase}. Links are only ever read through the owner-scoped queries of {@link
 * LinkRepository}, and checked again to belong to the command's user, so a query of user U never
 * touches a link of user V. Every source runs on its own virtual thread; the whole fan-out waits at
 * most {@link QuerySettings#requestTimeout()}.
 */
public class QueryService implements QueryUseCase {
  static final String LOCAL = "local";
  static final String ALL = "all";
  static final String FEDERATED = "federated:";
  static final int MAX_SESSION_LENGTH = 128;
  static final int MAX_QUERY_LENGTH = 256;
  static final int MAX_REMEMBERED_NOTICES = 100_000;
  private static final String API = "/api/federation/v1/";
  private static final int MAX_MESSAGE = 200;

  private final NativeAccessDirectory nativeAccess;
  private final ResourceStore store;
  private final LinkRepository links;
  private final LinkHealthRepository health;
  private final PeerTransport transport;
  private final ResponseCache cache;
  private final Embedder embedder;
  private final CursorCodec cursors;
  private final IdGenerator ids;
  private final InstantSource clock;
  private final QuerySettings settings;
  private final LinkRevocation revocation;

  /** "Tell me once": the (user, session, peer) triples already told that the peer is offline. */
  private final Map<NoticeKey, Boolean> noticed =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<NoticeKey, Boolean> eldest) {
              return size() > MAX_REMEMBERED_NOTICES;
            }
          });

  @Inject
  public QueryService(
      NativeAccessDirectory nativeAccess,
      ResourceStore store,
      LinkRepository links,
      LinkHealthRepository health,
      PeerTransport transport,
      ResponseCache cache,
      Embedder embedder,
      CursorCodec cursors,
      IdGenerator ids,
      InstantSource clock,
      QuerySettings settings) {
    this.nativeAccess = nativeAccess;
    this.store = store;
    this.links = links;
    this.health = health;
    this.transport = transport;
    this.cache = cache;
    this.embedder = embedder;
    this.cursors = cursors;
    this.ids = ids;
    this.clock = clock;
    this.settings = settings;
    this.revocation = new LinkRevocation(links, health, cache, clock);
  }

  @Override
  public QueryResult query(QueryCommand command) {
    Parsed parsed;
    switch (parse(command)) {
      case Rejected rejected -> {
        return new QueryResult.Invalid(rejected.message());
      }
      case Parsed p -> parsed = p;
    }
    Optional<NativeAccess> access = nativeAccess.find(command.localUser());
    if (access.isEmpty()) {
      return new QueryResult.UnknownUser();
    }
    UserId user = command.localUser();
    Optional<List<Link>> targets = linksOf(user, parsed.source());
    if (targets.isEmpty()) {
      return new QueryResult.NoSuchPeer(((PeerSource) parsed.source()).name().value());
    }
    boolean includeLocal =
        parsed.source() instanceof LocalSource
            || (parsed.source() instanceof AllSources && parsed.verb() != Verb.CAPABILITIES);
    Optional<PagePosition> localAfter = Optional.empty();
    if (includeLocal && parsed.cursor().isPresent()) {
      localAfter = cursors.decode(localBinding(user, access.get(), parsed), parsed.cursor().get());
      if (localAfter.isEmpty()) {
        return new QueryResult.Invalid("invalid cursor");
      }
    }
    List<Source> sources = new ArrayList<>();
    if (includeLocal) {
      Optional<PagePosition> after = localAfter;
      sources.add(
          new Source(LOCAL, Optional.empty(), () -> askLocal(user, access.get(), parsed, after)));
    }
    for (Link link : targets.get()) {
      sources.add(
          new Source(link.peerName().value(), Optional.of(link), () -> askPeer(link, parsed)));
    }
    List<SourceAnswer> answers = run(sources);
    return merge(command, parsed.verb() == Verb.SEARCH, answers);
  }

  /**
   * The user's own links a source names, through the owner-scoped queries only (and checked again):
   * none for {@code local}; every link not revoked for {@code all}; the one link of that name, or
   * empty when the user has none, for {@code federated:<peer>}.
   */
  private Optional<List<Link>> linksOf(UserId user, QuerySource source) {
    return switch (source) {
      case LocalSource local -> Optional.of(List.of());
      case AllSources all ->
          Optional.of(
              links.findByOwner(user).stream()
                  .filter(link -> link.localUserId().equals(user))
                  .filter(link -> link.state() != LinkState.REVOKED)
                  .toList());
      case PeerSource peer ->
          links
              .findByOwnerAndPeerName(user, peer.name())
              .filter(link -> link.localUserId().equals(user))
              .map(List::of);
    };
  }

  /**
   * Runs every source on its own virtual thread; a source still running at the deadline times out.
   */
  private List<SourceAnswer> run(List<Source> sources) {
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    List<Future<SourceAnswer>> futures;
    try {
      futures =
          executor.invokeAll(
              sources.stream().map(Source::task).toList(),
              settings.requestTimeout().toNanos(),
              TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      futures = List.of();
    } finally {
      executor.shutdown();
    }
    List<SourceAnswer> answers = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      Source source = sources.get(i);
      answers.add(
          i < futures.size()
              ? outcome(source.name(), source.link(), futures.get(i))
              : timedOut(source.name(), source.link()));
    }
    return answers;
  }

  private SourceAnswer outcome(String name, Optional<Link> link, Future<SourceAnswer> future) {
    try {
      return future.get();
    } catch (CancellationException e) {
      return timedOut(name, link);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return timedOut(name, link);
    } catch (ExecutionException e) {
      link.ifPresent(l -> recordFailure(l, "error: " + describe(e.getCause())));
      return SourceAnswer.failed(name, State.ERROR, "internal", "the source failed");
    }
  }

  private SourceAnswer timedOut(String name, Optional<Link> link) {
    String message = "no answer within " + settings.requestTimeout().toMillis() + " ms";
    if (link.isEmpty()) {
      return SourceAnswer.failed(name, State.ERROR, "unavailable", message);
    }
    recordFailure(link.get(), "offline: " + message);
    return SourceAnswer.failed(name, State.OFFLINE, "offline", message);
  }

  private QueryResult merge(QueryCommand command, boolean search, List<SourceAnswer> answers) {
    List<Map<String, Object>> items = new ArrayList<>();
    List<SourceStatus> sources = new ArrayList<>();
    for (SourceAnswer answer : answers) {
      items.addAll(answer.items());
      SourceStatus status = answer.status();
      if (status.status() == State.OFFLINE
          && !status.name().equals(LOCAL)
          && noticed.putIfAbsent(
                  new NoticeKey(command.localUser(), command.session(), status.name()), true)
              == null) {
        status = status.withNotice("federation offline for " + status.name());
      }
      sources.add(status);
    }
    boolean partial = sources.stream().anyMatch(s -> !s.isOk());
    if (search) {
      items.sort(Comparator.comparingDouble(QueryService::score).reversed());
    }
    return new QueryResult.Answered(items, sources, partial, search);
  }

  private static double score(Map<String, Object> hit) {
    return hit.get("score") instanceof Number n ? n.doubleValue() : 0;
  }

  // ---- local source ----

  private SourceAnswer askLocal(
      UserId user, NativeAccess access, Parsed parsed, Optional<PagePosition> after) {
    if (parsed.verb() == Verb.SEARCH) {
      return searchLocal(access, parsed);
    }
    Resource resource = parsed.resource().orElseThrow();
    if (resource.isSensitive()) {
      return SourceAnswer.failed(
          LOCAL, State.ERROR, "scope_violation", resource.wireName() + " is never served");
    }
    EffectiveFilter filter = EffectiveFilter.nativeAccess(access);
    try {
      if (parsed.verb() == Verb.GET) {
        List<Map<String, Object>> items =
            store.get(resource, filter, parsed.id().orElseThrow()).stream()
                .map(item -> tag(item.toWire(), LOCAL, false))
                .toList();
        return new SourceAnswer(SourceStatus.ok(LOCAL, Optional.empty()), items);
      }
      int limit =
          (int) Math.min(parsed.limit().orElse(Scope.DEFAULT_MAX_ROWS), (long) Scope.MAX_ROWS_CAP);
      ResourcePage page =
          store.list(resource, filter, new PageRequest(limit, after, Optional.empty()));
      CursorBinding binding = localBinding(user, access, parsed);
      List<Map<String, Object>> items = new ArrayList<>();
      for (ResourceItem item : page.items()) {
        items.add(tag(item.toWire(), LOCAL, false));
      }
      return new SourceAnswer(
          SourceStatus.ok(LOCAL, page.next().map(next -> cursors.encode(binding, next))), items);
    } catch (InfrastructureException e) {
      return SourceAnswer.failed(LOCAL, State.ERROR, "unavailable", "the local store failed");
    }
  }

  /** Keyword (and, for memory, embedding) search under the user's native access. */
  private SourceAnswer searchLocal(NativeAccess access, Parsed parsed) {
    List<Resource> resources =
        parsed.resource().map(List::of).orElse(List.of(Resource.values())).stream()
            .filter(r -> !r.isSensitive() || parsed.resource().isPresent())
            .toList();
    if (resources.stream().anyMatch(Resource::isSensitive)) {
      return SourceAnswer.failed(
          LOCAL,
          State.ERROR,
          "scope_violation",
          resources.getFirst().wireName() + " is never served");
    }
    EffectiveFilter filter = EffectiveFilter.nativeAccess(access);
    int limit =
        (int) Math.min(parsed.limit().orElse(Scope.DEFAULT_MAX_ROWS), (long) Scope.MAX_ROWS_CAP);
    String query = parsed.query().orElseThrow();
    List<Float> embedding = embedder.embed(query);
    List<SearchHit> hits = new ArrayList<>();
    try {
      for (Resource resource : resources) {
        hits.addAll(
            store.search(
                resource,
                filter,
                new SearchRequest(
                    query,
                    limit,
                    resource == Resource.MEMORY ? Optional.of(embedding) : Optional.empty())));
      }
    } catch (InfrastructureException e) {
      return SourceAnswer.failed(LOCAL, State.ERROR, "unavailable", "the local store failed");
    }
    List<Map<String, Object>> items =
        hits.stream()
            .sorted(Comparator.comparingDouble(SearchHit::score).reversed())
            .limit(limit)
            .map(hit -> tag(wireHit(hit), LOCAL, false))
            .toList();
    return new SourceAnswer(SourceStatus.ok(LOCAL, Optional.empty()), items);
  }

  private static Map<String, Object> wireHit(SearchHit hit) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("resource", hit.item().resource().wireName());
    wire.put("id", hit.item().id().toString());
    wire.put("score", hit.score());
    wire.put("item", hit.item().toWire());
    return wire;
  }

  private static CursorBinding localBinding(UserId user, NativeAccess access, Parsed parsed) {
    return CursorBinding.forLocalUser(
        user,
        parsed.resource().orElseThrow(),
        EffectiveFilter.nativeAccess(access),
        Optional.empty());
  }

  // ---- federated sources ----

  private SourceAnswer askPeer(Link link, Parsed parsed) {
    String name = link.peerName().value();
    if (link.state() == LinkState.REVOKED) {
      return SourceAnswer.failed(
          name, State.REVOKED, "grant_revoked", "the grant at " + name + " has been revoked");
    }
    PeerCall call = peerCall(link, parsed);
    if (call.cacheKey().isPresent()) {
      Optional<Map<String, Object>> cached = cacheGet(call.cacheKey().get());
      if (cached.isPresent()) {
        Optional<SourceAnswer> answer = fromBody(name, parsed.verb(), cached.get(), true);
        if (answer.isPresent()) {
          return answer.get();
        }
      }
    }
    PeerReply reply;
    try {
      reply =
          transport.send(link, call.request().withHeader("X-Request-Id", ids.newId().toString()));
    } catch (InfrastructureException e) {
      recordFailure(link, "local failure: " + describe(e));
      return SourceAnswer.failed(name, State.ERROR, "local_failure", "the link cannot be used");
    }
    return switch (reply) {
      case PeerReply.Failed failed -> transportFailed(link, failed);
      case PeerReply.Answered answered -> answered(link, parsed, call, answered);
    };
  }

  private SourceAnswer transportFailed(Link link, PeerReply.Failed failed) {
    String name = link.peerName().value();
    String detail = truncate(failed.detail());
    return switch (failed.failure()) {
      case CONNECT, TIMEOUT -> {
        recordFailure(link, "offline: " + detail);
        yield SourceAnswer.failed(name, State.OFFLINE, "offline", detail);
      }
      case CERTIFICATE_REVOKED -> {
        revoke(link, "the peer refused the certificate as revoked");
        yield SourceAnswer.failed(
            name, State.REVOKED, "grant_revoked", "the grant at " + name + " has been revoked");
      }
      case SERVER_UNTRUSTED, HANDSHAKE -> {
        recordFailure(link, "tls: " + detail);
        yield SourceAnswer.failed(name, State.ERROR, "tls_failure", detail);
      }
    };
  }

  private SourceAnswer answered(
      Link link, Parsed parsed, PeerCall call, PeerReply.Answered answered) {
    String name = link.peerName().value();
    int status = answered.statusCode();
    if (status == 200) {
      Optional<Map<String, Object>> body = jsonObject(answered.body());
      Optional<SourceAnswer> answer = body.flatMap(b -> fromBody(name, parsed.verb(), b, false));
      if (answer.isEmpty()) {
        recordFailure(link, "malformed answer");
        return SourceAnswer.failed(
            name, State.ERROR, "malformed_answer", "the peer's answer is not understood");
      }
      call.cacheKey().ifPresent(key -> cachePut(key, body.get()));
      recordSuccess(link, parsed.verb() == Verb.CAPABILITIES ? skew(body.get()) : Optional.empty());
      return answer.get();
    }
    PeerError error = PeerError.of(answered.body());
    if (status == 404 && parsed.verb() == Verb.GET && error.code().equals("not_found")) {
      recordSuccess(link, Optional.empty());
      return new SourceAnswer(SourceStatus.ok(name, Optional.empty()), List.of());
    }
    if (status == 429) {
      OptionalLong retryAfterMs = error.retryAfterMs();
      if (retryAfterMs.isEmpty()) {
        retryAfterMs = retryAfterHeader(answered);
      }
      recordFailure(link, "rate_limited");
      if (retryAfterMs.isPresent()) {
        Instant until = Times.now(clock).plusMillis(retryAfterMs.getAsLong());
        quietly(() -> health.recordRateLimitedUntil(link.id(), Optional.of(until)));
      }
      SourceAnswer limited =
          SourceAnswer.failed(name, State.RATE_LIMITED, "rate_limited", error.message());
      return retryAfterMs.isPresent()
          ? limited.withStatus(limited.status().withRetryAfterMs(retryAfterMs.getAsLong()))
          : limited;
    }
    if (status == 403 && error.code().equals("grant_revoked")) {
      revoke(link, "the peer answered grant_revoked");
      return SourceAnswer.failed(
          name, State.REVOKED, "grant_revoked", "the grant at " + name + " has been revoked");
    }
    String code = error.code().isEmpty() ? "http_" + status : error.code();
    recordFailure(link, code + " (HTTP " + status + ")");
    return SourceAnswer.failed(name, State.ERROR, code, error.message());
  }

  /** Items of a 200 body (fresh or cached), tagged; empty when the body is not understood. */
  private static Optional<SourceAnswer> fromBody(
      String name, Verb verb, Map<String, Object> body, boolean cached) {
    switch (verb) {
      case LIST, SEARCH -> {
        if (!(body.get(verb == Verb.SEARCH ? "hits" : "items") instanceof List<?> list)) {
          return Optional.empty();
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object element : list) {
          Optional<Map<String, Object>> item = jsonObject(element);
          if (item.isEmpty()) {
            return Optional.empty();
          }
          items.add(tag(item.get(), name, cached));
        }
        Optional<String> next =
            body.get("nextCursor") instanceof String cursor
                ? Optional.of(cursor)
                : Optional.empty();
        return Optional.of(new SourceAnswer(SourceStatus.ok(name, next), items));
      }
      case GET -> {
        return jsonObject(body.get("item"))
            .map(
                item ->
                    new SourceAnswer(
                        SourceStatus.ok(name, Optional.empty()), List.of(tag(item, name, cached))));
      }
      case CAPABILITIES -> {
        return Optional.of(
            new SourceAnswer(
                SourceStatus.ok(name, Optional.empty()), List.of(tag(body, name, false))));
      }
    }
    return Optional.empty();
  }

  private PeerCall peerCall(Link link, Parsed parsed) {
    return switch (parsed.verb()) {
      case CAPABILITIES -> new PeerCall(PeerRequest.get(API + "capabilities"), Optional.empty());
      case SEARCH -> {
        String query = parsed.query().orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        parsed.resource().ifPresent(r -> body.put("resources", List.of(r.wireName())));
        parsed.limit().ifPresent(limit -> body.put("limit", limit));
        body.put("embedding", embedder.embed(query));
        yield new PeerCall(PeerRequest.post(API + "search", body), Optional.empty());
      }
      case LIST -> {
        Map<String, Object> body = new LinkedHashMap<>();
        parsed.limit().ifPresent(limit -> body.put("limit", limit));
        parsed.cursor().ifPresent(cursor -> body.put("cursor", cursor));
        String resource = parsed.resource().orElseThrow().wireName();
        yield new PeerCall(
            PeerRequest.post(API + "list/" + resource, body),
            cacheKey(link, "list", resource, body));
      }
      case GET -> {
        String resource = parsed.resource().orElseThrow().wireName();
        String id = parsed.id().orElseThrow().toString();
        yield new PeerCall(
            PeerRequest.post(API + "get/" + resource + "/" + id, new LinkedHashMap<>()),
            cacheKey(link, "get", resource, Map.of("id", id)));
      }
    };
  }

  private Optional<CacheKey> cacheKey(
      Link link, String verb, String resource, Map<String, Object> request) {
    if (settings.cacheTtl().isZero()) {
      return Optional.empty();
    }
    return Optional.of(new CacheKey(link.id(), verb, resource, CanonicalJson.write(request)));
  }

  private Optional<Map<String, Object>> cacheGet(CacheKey key) {
    try {
      return cache.get(key);
    } catch (InfrastructureException e) {
      return Optional.empty();
    }
  }

  private void cachePut(CacheKey key, Map<String, Object> body) {
    quietly(() -> cache.put(key, body, settings.cacheTtl()));
  }

  /** The peer revoked the grant (see {@link LinkRevocation}). */
  private void revoke(Link link, String reason) {
    revocation.revoke(link, reason);
  }

  private void recordSuccess(Link link, Optional<Duration> clockSkew) {
    quietly(() -> health.recordSuccess(link.id(), Times.now(clock), clockSkew));
  }

  private void recordFailure(Link link, String reason) {
    quietly(() -> health.recordFailure(link.id(), Times.now(clock), truncate(reason)));
  }

  /** Bookkeeping never fails a query. */
  private static void quietly(Runnable write) {
    try {
      write.run();
    } catch (InfrastructureException e) {
      // the answer matters more than the bookkeeping; the next call records again
    }
  }

  /** Peer time − local time, from a capabilities document's {@code serverTime}. */
  private Optional<Duration> skew(Map<String, Object> capabilities) {
    if (!(capabilities.get("serverTime") instanceof String serverTime)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.between(clock.instant(), Instant.parse(serverTime)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static OptionalLong retryAfterHeader(PeerReply.Answered answered) {
    Optional<String> header = answered.header("retry-after");
    if (header.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long seconds = Long.parseLong(header.get().strip());
      return seconds >= 0 ? OptionalLong.of(seconds * 1000) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** A copy of {@code item} tagged with its source; a peer cannot set the tags itself. */
  private static Map<String, Object> tag(Map<String, Object> item, String source, boolean cached) {
    Map<String, Object> tagged = new LinkedHashMap<>(item);
    tagged.remove("_cached");
    tagged.put("_source", source);
    if (cached) {
      tagged.put("_cached", true);
    }
    return Collections.unmodifiableMap(tagged);
  }

  private static Optional<Map<String, Object>> jsonObject(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        return Optional.empty();
      }
      copy.put(key, e.getValue());
    }
    return Optional.of(copy);
  }

  private static String describe(Throwable t) {
    return t == null || t.getMessage() == null
        ? (t == null ? "unknown" : t.getClass().getSimpleName())
        : t.getMessage();
  }

  private static String truncate(String text) {
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
  }

  // ---- parsing the command ----

  private static Parsing parse(QueryCommand command) {
    String session = command.session();
    if (session.isBlank() || session.length() > MAX_SESSION_LENGTH) {
      return new Rejected("session must be 1-" + MAX_SESSION_LENGTH + " characters");
    }
    Optional<Verb> verb = Verb.parse(command.verb());
    if (verb.isEmpty()) {
      return new Rejected("verb must be one of list, get, search, capabilities");
    }
    Optional<QuerySource> source = parseSource(command.source());
    if (source.isEmpty()) {
      return new Rejected("source must be local, federated:<peer> or all");
    }
    Optional<Resource> resource = Optional.empty();
    Optional<String> query = Optional.empty();
    if (verb.get() == Verb.SEARCH) {
      query = command.query();
      if (query.isEmpty() || query.get().isBlank() || query.get().length() > MAX_QUERY_LENGTH) {
        return new Rejected("query must be 1-" + MAX_QUERY_LENGTH + " characters");
      }
      if (command.cursor().isPresent()) {
        return new Rejected("search has no cursor");
      }
    }
    boolean everyResource = verb.get() == Verb.SEARCH && command.resource().isEmpty();
    if (verb.get() != Verb.CAPABILITIES && !everyResource) {
      resource = Resource.fromWire(command.resource());
      if (resource.isEmpty()) {
        return new Rejected(
            "unknown resource '"
                + truncate(command.resource())
                + "'; one of "
                + Resource.wireNames());
      }
    } else if (verb.get() == Verb.CAPABILITIES && source.get() instanceof LocalSource) {
      return new Rejected("capabilities are asked of peers: use source federated:<peer> or all");
    }
    Optional<UUID> id = Optional.empty();
    if (verb.get() == Verb.GET) {
      if (command.id().isEmpty()) {
        return new Rejected("id is required for get");
      }
      id = Uuids.tryParseCanonical(command.id().get());
      if (id.isEmpty()) {
        return new Rejected("id must be a UUID");
      }
    }
    if (command.limit().isPresent() && command.limit().getAsLong() < 1) {
      return new Rejected("limit must be at least 1");
    }
    if (command.cursor().isPresent() && source.get() instanceof AllSources) {
      return new Rejected("a cursor pages one source: use source local or federated:<peer>");
    }
    return new Parsed(
        source.get(), verb.get(), resource, id, query, command.limit(), command.cursor());
  }

  private static Optional<QuerySource> parseSource(String source) {
    if (source.equals(LOCAL)) {
      return Optional.of(new LocalSource());
    }
    if (source.equals(ALL)) {
      return Optional.of(new AllSources());
    }
    if (source.startsWith(FEDERATED)) {
      return PeerName.tryParse(source.substring(FEDERATED.length())).map(PeerSource::new);
    }
    return Optional.empty();
  }

  private enum Verb {
    LIST,
    GET,
    SEARCH,
    CAPABILITIES;

    static Optional<Verb> parse(String verb) {
      for (Verb v : values()) {
        if (v.name().toLowerCase(Locale.ROOT).equals(verb)) {
          return Optional.of(v);
        }
      }
      return Optional.empty();
    }
  }

  private sealed interface Parsing permits Parsed, Rejected {}

  private record Rejected(String message) implements Parsing {}

  private sealed interface QuerySource permits LocalSource, AllSources, PeerSource {}

  private record LocalSource() implements QuerySource {}

  private record AllSources() implements QuerySource {}

  private record PeerSource(PeerName name) implements QuerySource {}

  private record Parsed(
      QuerySource source,
      Verb verb,
      Optional<Resource> resource,
      Optional<UUID> id,
      Optional<String> query,
      OptionalLong limit,
      Optional<String> cursor)
      implements Parsing {}

  private record Source(String name, Optional<Link> link, Callable<SourceAnswer> task) {}

  private record PeerCall(PeerRequest request, Optional<CacheKey> cacheKey) {}

  private record NoticeKey(UserId user, String session, String peer) {}

  private record SourceAnswer(SourceStatus status, List<Map<String, Object>> items) {
    static SourceAnswer failed(String name, State state, String code, String message) {
      return new SourceAnswer(SourceStatus.failed(name, state, code, message), List.of());
    }

    SourceAnswer withStatus(SourceStatus newStatus) {
      return new SourceAnswer(newStatus, items);
    }
  }

  /** The §9 error body of a peer's refusal, as far as it is understood. */
  private record PeerError(String code, String message, OptionalLong retryAfterMs) {
    static PeerError of(Object body) {
      if (body instanceof Map<?, ?> map && map.get("error") instanceof Map<?, ?> error) {
        String code = error.get("code") instanceof String c ? c : "";
        String message = error.get("message") instanceof String m ? truncate(m) : code;
        OptionalLong retry =
            error.get("retryAfterMs") instanceof Number n && n.longValue() >= 0
                ? OptionalLong.of(n.longValue())
                : OptionalLong.empty();
        return new PeerError(code, message.isEmpty() ? "refused" : message, retry);
      }
      return new PeerError("", "the peer refused the request", OptionalLong.empty());
    }
  }
}
