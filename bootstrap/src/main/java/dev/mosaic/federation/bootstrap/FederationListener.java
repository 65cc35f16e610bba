package dev.mosaic.federation.bootstrap;

/**
 * The federation listener of {@code mosaic gateway serve}: the HTTPS endpoint peers call. Closing
 * it stops accepting connections and releases the port.
 */
public interface FederationListener extends AutoCloseable {

  /**
   * Starts listening on {@code federation.listen}.
   *
   * @return the port actually bound (the ephemeral one when {@code federation.listen} asked for 0)
   * @throws dev.mosaic.federation.application.port.out.InfrastructureException when it cannot
   */
  int start();

  @Override
  void close();
}
