package dev.mosaic.federation.application.port.in;

/**
 * A session's query on the requesting side (SPEC §5.2 first paragraph, §5.5, §8): {@code local}
 * reads the local store under the user's native access; {@code federated:<peer>} asks the user's
 * own link of that name; {@code all} does both over every active link of the user, in parallel,
 * bounded by {@code client.requestTimeout}. {@code search} sends the query's embedding (computed
 * locally) along, merges every source's hits by score and is never cached. Answers of {@code
 * list}/{@code get} are cached per (link, verb, resource, canonical request) for {@code cache.ttl}.
 * Local listings default to 100 rows and are capped at 10 000; peers apply their grant's cap. A
 * peer that answers {@code grant_revoked} (or refuses the certificate as revoked) gets its link
 * marked revoked and its cache flushed. The first {@code offline} status of a peer in a session
 * carries the notice {@code federation offline for <peer>}; the implementation keeps that memory,
 * so bind it as a singleton.
 *
 * <p>Never throws for a failing source (it becomes that source's status); throws {@link
 * dev.mosaic.federation.application.port.out.InfrastructureException} only when the local user/link
 * stores fail before any source is asked.
 */
public interface QueryUseCase {
  QueryResult query(QueryCommand command);
}
