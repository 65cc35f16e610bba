package dev.mosaic.federation.application.port.in;

/**
 * Removes a link of a local user, with its recorded health and its cached answers. The grant on the
 * serving side is untouched (its operator revokes it there).
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when a store fails
 */
public interface RemoveLinkUseCase {
  RemoveLinkResult remove(RemoveLinkCommand command);
}
