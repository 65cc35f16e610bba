package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.grant.Grant;
import java.util.Optional;

/**
 * Decides a federated request on the serving side, reading the grant from the database every time
 * (never a cache).
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when a store fails
 *     (the request must then be refused with 503)
 */
public interface AuthorizeRequestUseCase {
  /**
   * Steps 2 (identity) and 3 (rate limit): for requests that name no resource ({@code
   * capabilities}, {@code renew}).
   */
  IdentityCheck identify(CertificateIdentity identity);

  /** Steps 2 (identity), 3 (rate limit), 4 (scope) and 5 (row cap), in that order. */
  Authorization authorize(AuthorizeRequestCommand command);

  /**
   * The grant {@code identity} speaks for, for an audit row only: its extensions are well formed,
   * the grant exists, its subject is the subject extension and the certificate is pinned for it —
   * whatever the grant's status. Consumes no rate-limit token.
   */
  Optional<Grant> attribute(CertificateIdentity identity);
}
