package dev.mosaic.federation.application.port.in;

/**
 * The serving side of a federated request (SPEC §5.2 steps 2–6): identity decided by the database,
 * rate limit, scope, row cap, the read under the effective filter, then one audit row — committed
 * before the result is returned — for every outcome. If the audit row cannot be written the result
 * is {@link ServeUnavailable} and no data is returned.
 *
 * <p>Never throws for a business outcome or an infrastructure failure (both are results). A
 * programming error (any other {@link RuntimeException}) is audited as {@code error}/500 and
 * rethrown; the HTTP layer answers 500 {@code internal}.
 */
public interface ServeFederatedRequestUseCase {
  /** {@code GET /api/federation/v1/capabilities}. */
  ServeCapabilitiesResult capabilities(FederatedRequestContext context);

  /** {@code POST /api/federation/v1/list/{resource}}. */
  ServeListResult list(ServeListCommand command);

  /** {@code POST /api/federation/v1/get/{resource}/{id}}. */
  ServeGetResult get(ServeGetCommand command);

  /**
   * {@code POST /api/federation/v1/search}: every granted, non-excluded, non-sensitive resource (or
   * those of {@code resources}, each checked like a list's resource), searched under its effective
   * filter and merged into one ranking capped at the row cap; a resource failing makes the answer
   * partial. {@code credentials} and {@code api_keys} are never touched. Never cached.
   */
  ServeSearchResult search(ServeSearchCommand command);

  /**
   * A request under {@code /api/federation/v1/} that the wire rules refused before any verb ran (no
   * client certificate, unknown path, wrong method, content type, size or JSON): audits it — {@code
   * denied} for 401, else {@code invalid} — attributed to the certificate's grant only when the
   * certificate is pinned for it, without consuming a rate-limit token.
   *
   * @return a {@link ServeRefused} of the command's refusal once its row is written, else {@link
   *     ServeUnavailable}
   */
  ServeFailure refuse(RefuseRequestCommand command);
}
