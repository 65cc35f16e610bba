package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A query of a session on the requesting side (SPEC §5.2, {@code POST /api/local/v1/query}, {@code
 * mosaic federation query}). Fields other than {@code localUser} are as the caller sent them; the
 * use case checks them.
 *
 * @param localUser the already authenticated local user the query acts for (from the bearer token
 *     or the CLI's {@code --local-user}); never taken from the request body
 * @param session the session id, the unit of "tell me once" notices (1–128 characters)
 * @param source {@code local}, {@code federated:<peer-name>} or {@code all}
 * @param verb {@code list}, {@code get}, {@code search} or {@code capabilities}
 * @param resource {@code tasks}, {@code notes}, {@code memory}, … (ignored for {@code
 *     capabilities}; for {@code search}, empty means every resource)
 * @param id for {@code get}: a canonical UUID
 * @param query for {@code search}: 1–256 characters
 * @param limit at least 1 when given; saturated like {@link ServeListCommand#limit()}
 * @param cursor a {@code nextCursor} of an earlier answer; only with a single source
 */
public record QueryCommand(
    UserId localUser,
    String session,
    String source,
    String verb,
    String resource,
    Optional<String> id,
    Optional<String> query,
    OptionalLong limit,
    Optional<String> cursor) {
  public QueryCommand {
    Objects.requireNonNull(localUser, "localUser");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(cursor, "cursor");
  }

  /** A {@code list} of the first page. */
  public static QueryCommand list(UserId user, String session, String source, String resource) {
    return new QueryCommand(
        user,
        session,
        source,
        "list",
        resource,
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty(),
        Optional.empty());
  }

  /** A {@code get} of one row. */
  public static QueryCommand get(
      UserId user, String session, String source, String resource, String id) {
    return new QueryCommand(
        user,
        session,
        source,
        "get",
        resource,
        Optional.of(id),
        Optional.empty(),
        OptionalLong.empty(),
        Optional.empty());
  }

  /** A {@code search} of {@code resource} (empty: every resource). */
  public static QueryCommand search(
      UserId user, String session, String source, String resource, String query) {
    return new QueryCommand(
        user,
        session,
        source,
        "search",
        resource,
        Optional.empty(),
        Optional.of(query),
        OptionalLong.empty(),
        Optional.empty());
  }

  public QueryCommand withLimit(long value) {
    return new QueryCommand(
        localUser, session, source, verb, resource, id, query, OptionalLong.of(value), cursor);
  }

  public QueryCommand withCursor(String value) {
    return new QueryCommand(
        localUser, session, source, verb, resource, id, query, limit, Optional.of(value));
  }
}
