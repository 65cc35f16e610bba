package dev.mosaic.federation.adapters.http;

/**
 * Handles one route. Bad input and refusals are thrown as {@link WireException}; an {@link
 * dev.mosaic.federation.application.port.out.InfrastructureException} may escape (503 when
 * transient, else 500); anything else escaping is a bug and answers 500.
 */
@FunctionalInterface
interface Endpoint {
  WireResponse handle(WireRequest request);
}
