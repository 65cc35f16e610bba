package dev.mosaic.federation.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code POST /api/federation/v1/search} with {@code {query, resources?, limit?, embedding?}}. The
 * HTTP layer checks the JSON shape (types, unknown fields); the use case checks the meaning.
 *
 * @param query as sent (1–256 characters, else 400)
 * @param resources the resource names to search, unchecked; empty: every granted resource
 * @param limit as {@link ServeListCommand#limit()}
 * @param embedding the query's embedding; used for memory when it has 256 finite values
 */
public record ServeSearchCommand(
    FederatedRequestContext context,
    String query,
    Optional<List<String>> resources,
    OptionalLong limit,
    Optional<List<Double>> embedding) {
  public ServeSearchCommand {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(query, "query");
    resources = Objects.requireNonNull(resources, "resources").map(List::copyOf);
    Objects.requireNonNull(limit, "limit");
    embedding = Objects.requireNonNull(embedding, "embedding").map(List::copyOf);
  }
}
