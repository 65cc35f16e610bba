package dev.mosaic.federation.application.port.in;

/**
 * Lists links of the requesting side, for one local user or all of them.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when a store fails
 */
public interface ListLinksUseCase {
  ListLinksResult list(ListLinksCommand command);
}
