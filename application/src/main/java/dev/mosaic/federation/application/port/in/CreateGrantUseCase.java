package dev.mosaic.federation.application.port.in;

/**
 * Creates the peer if new and a pending grant, and audits {@code grant_created} (SPEC §5.1 step 1).
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when a store fails
 */
public interface CreateGrantUseCase {
  CreateGrantResult create(CreateGrantCommand command);
}
