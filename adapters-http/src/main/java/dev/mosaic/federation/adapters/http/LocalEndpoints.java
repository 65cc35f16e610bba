package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.in.AuthenticateSessionUseCase;
import dev.mosaic.federation.application.port.in.FederationStatusResult;
import dev.mosaic.federation.application.port.in.FederationStatusUseCase;
import dev.mosaic.federation.application.port.in.QueryCommand;
import dev.mosaic.federation.application.port.in.QueryResult;
import dev.mosaic.federation.application.port.in.QueryUseCase;
import dev.mosaic.federation.application.port.in.SessionAuthentication;
import dev.mosaic.federation.domain.user.UserId;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The requesting side's loopback endpoints (SPEC §9): the session API {@code POST
 * /api/local/v1/query} and {@code GET /api/local/v1/status}, {@code GET /healthz} and {@code GET
 * /metrics}. A query or status acts for the local user its bearer token belongs to (§8) and for no
 * one else: the body has no user field (an unknown field is refused), and the token is checked
 * before the body is read.
 */
final class LocalEndpoints {
  static final String QUERY = "/api/local/v1/query";
  static final String STATUS = "/api/local/v1/status";
  static final String HEALTH = "/healthz";
  static final String METRICS = "/metrics";
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  static final String TOKEN_REQUIRED =
      "a valid bearer token of a local user is required (mosaic user token <handle>)";

  /**
   * {@code POST /api/local/v1/query}.
   *
   * @param resource optional for {@code capabilities}, which ignores it
   */
  record QueryRequest(
      String session,
      String source,
      String verb,
      String resource,
      String id,
      String query,
      BigInteger limit,
      String cursor) {
    @Override
    public String toString() {
      return "QueryRequest[source=" + source + ", verb=" + verb + ", resource=" + resource + "]";
    }
  }

  private final AuthenticateSessionUseCase authenticate;
  private final QueryUseCase queries;
  private final FederationStatusUseCase status;
  private final Optional<Supplier<String>> metrics;

  /**
   * @param metrics the Prometheus text of the gateway's meters; without it {@code /metrics} is 404
   */
  LocalEndpoints(
      AuthenticateSessionUseCase authenticate,
      QueryUseCase queries,
      FederationStatusUseCase status,
      Optional<Supplier<String>> metrics) {
    this.authenticate = authenticate;
    this.queries = queries;
    this.status = status;
    this.metrics = metrics;
  }

  /** Adds the four routes to {@code router}. */
  Router.Builder addTo(Router.Builder router) {
    return router
        .loopbackRoute("POST", QUERY, true, this::query)
        .loopbackRoute("GET", STATUS, false, this::status)
        .loopbackRoute("GET", HEALTH, false, this::health)
        .loopbackRoute("GET", METRICS, false, this::metrics);
  }

  WireResponse query(WireRequest request) {
    UserId user = authenticated(request.context());
    QueryRequest body = request.json(QueryRequest.class);
    QueryCommand command =
        new QueryCommand(
            user,
            required(body.session(), "session"),
            required(body.source(), "source"),
            required(body.verb(), "verb"),
            Objects.requireNonNullElse(body.resource(), ""),
            Optional.ofNullable(body.id()),
            Optional.ofNullable(body.query()),
            Json.saturatedLong(body.limit()),
            Optional.ofNullable(body.cursor()));
    return switch (queries.query(command)) {
      case QueryResult.Answered answered -> WireResponse.json(200, answered.toWire());
      case QueryResult.Invalid invalid -> throw WireException.invalid(invalid.message());
      case QueryResult.NoSuchPeer noSuchPeer ->
          throw WireException.of(ErrorCode.NOT_FOUND, noSuchPeer.message());
      case QueryResult.UnknownUser unknown -> throw WireException.bearerRequired(TOKEN_REQUIRED);
    };
  }

  /** The status document (SPEC §8) of the token's user: their links only. */
  WireResponse status(WireRequest request) {
    UserId user = authenticated(request.context());
    return switch (status.statusOf(user)) {
      case FederationStatusResult.Status document -> WireResponse.json(200, document.toWire());
      case FederationStatusResult.UnknownLocalUser unknown ->
          throw WireException.bearerRequired(TOKEN_REQUIRED);
    };
  }

  WireResponse health(WireRequest request) {
    return WireResponse.json(200, Map.of("status", "ok"));
  }

  WireResponse metrics(WireRequest request) {
    Supplier<String> scrape =
        metrics.orElseThrow(() -> WireException.of(ErrorCode.NOT_FOUND, "metrics are not enabled"));
    return WireResponse.bytes(200, PROMETHEUS_TEXT, scrape.get().getBytes(StandardCharsets.UTF_8));
  }

  private UserId authenticated(RequestContext context) {
    String token =
        context.bearerToken().orElseThrow(() -> WireException.bearerRequired(TOKEN_REQUIRED));
    return switch (authenticate.authenticate(token)) {
      case SessionAuthentication.Authenticated authenticated -> authenticated.user().id();
      case SessionAuthentication.Unauthenticated unauthenticated ->
          throw WireException.bearerRequired(TOKEN_REQUIRED);
    };
  }

  private static String required(String value, String field) {
    if (value == null) {
      throw WireException.invalid("field '" + field + "' is required");
    }
    return value;
  }
}
