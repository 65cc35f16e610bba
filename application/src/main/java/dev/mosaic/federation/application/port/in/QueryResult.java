package dev.mosaic.federation.application.port.in;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The outcome of {@link QueryUseCase#query}; HTTP status (session API) in each case's doc. */
public sealed interface QueryResult
    permits QueryResult.Answered,
        QueryResult.Invalid,
        QueryResult.NoSuchPeer,
        QueryResult.UnknownUser {

  /**
   * 200: {@code {items, sources, partial}}. One source failing never fails the answer: it shows in
   * {@code sources} and sets {@code partial}.
   *
   * @param items rows (or, for {@code capabilities}, the peers' capabilities documents) in wire
   *     form, each tagged {@code _source} ({@code local} or the peer name) and, when served from
   *     the response cache, {@code _cached: true}; local rows first, then peers by name
   * @param sources one per source asked, local first
   * @param partial whether any source is not {@code ok}
   * @param hits whether {@code items} are search hits {@code {resource, id, score, item, _source}},
   *     best first (then the body names them {@code hits})
   */
  record Answered(
      List<Map<String, Object>> items, List<SourceStatus> sources, boolean partial, boolean hits)
      implements QueryResult {
    public Answered {
      items = List.copyOf(items);
      sources = List.copyOf(sources);
    }

    /** An answer of rows ({@code list}, {@code get}, {@code capabilities}). */
    public Answered(List<Map<String, Object>> items, List<SourceStatus> sources, boolean partial) {
      this(items, sources, partial, false);
    }

    /** The §9 body {@code {items, sources:[…], partial}}. */
    public Map<String, Object> toWire() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put(hits ? "hits" : "items", items);
      body.put("sources", sources.stream().map(SourceStatus::toWire).toList());
      body.put("partial", partial);
      return body;
    }
  }

  /**
   * 400 {@code invalid_request}: unknown source, verb or resource, non-UUID id, limit below 1, a
   * cursor with several sources or one that does not belong to this source, blank session.
   *
   * @param message names the field; safe to show
   */
  record Invalid(String message) implements QueryResult {
    public Invalid {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * 404 {@code not_found}: the user has no link of that name (a link of another local user is never
   * used, and is answered exactly like a missing one).
   */
  record NoSuchPeer(String peerName) implements QueryResult {
    public NoSuchPeer {
      Objects.requireNonNull(peerName, "peerName");
    }

    public String message() {
      return "no such peer '" + peerName + "'";
    }
  }

  /** 401 {@code unauthorized}: the local user no longer exists (deleted since authentication). */
  record UnknownUser() implements QueryResult {}
}
