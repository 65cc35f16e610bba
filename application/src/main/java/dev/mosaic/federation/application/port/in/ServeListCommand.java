package dev.mosaic.federation.application.port.in;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code POST /api/federation/v1/list/{resource}} with {@code {limit?, cursor?, updatedSince?}}.
 * The HTTP layer checks the JSON shape (types, unknown fields); the use case checks the meaning.
 *
 * @param resource the path segment, unchecked
 * @param limit as sent; an integer beyond the {@code long} range is passed saturated ({@link
 *     Long#MAX_VALUE} or {@link Long#MIN_VALUE}). Below 1 → 400; above the grant's row cap →
 *     clamped
 * @param cursor the {@code nextCursor} of an earlier page, unchecked
 * @param updatedSince an ISO-8601 instant (e.g. {@code 2025-01-01T00:00:00Z}), unchecked
 */
public record ServeListCommand(
    FederatedRequestContext context,
    String resource,
    OptionalLong limit,
    Optional<String> cursor,
    Optional<String> updatedSince) {
  public ServeListCommand {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(updatedSince, "updatedSince");
  }
}
