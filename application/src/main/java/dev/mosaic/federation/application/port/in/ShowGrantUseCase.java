package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.grant.GrantId;

/**
 * {@code mosaic federation grant show <id>}.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when a store fails
 */
public interface ShowGrantUseCase {
  ShowGrantResult show(GrantId grantId);
}
