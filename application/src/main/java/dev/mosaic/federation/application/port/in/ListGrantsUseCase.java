package dev.mosaic.federation.application.port.in;

import java.util.List;

/**
 * {@code mosaic federation grant list}: every grant of the serving side, oldest first.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when a store fails
 */
public interface ListGrantsUseCase {
  List<GrantView> list();
}
