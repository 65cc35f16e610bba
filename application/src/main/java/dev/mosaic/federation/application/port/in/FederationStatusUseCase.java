package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.user.UserId;

/**
 * {@code mosaic federation status} and {@code GET /api/local/v1/status} (SPEC §8, §9, AC-10): per
 * link, its state, grant, certificate and renewal, and the health the running gateway recorded.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when a store fails
 */
public interface FederationStatusUseCase {
  /** The operator's view: every link, or one local user's by handle. */
  FederationStatusResult status(ListLinksCommand command);

  /** The session API's view: the links of {@code user} only. */
  FederationStatusResult statusOf(UserId user);
}
