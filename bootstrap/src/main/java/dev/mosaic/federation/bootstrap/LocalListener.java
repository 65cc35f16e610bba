package dev.mosaic.federation.bootstrap;

/**
 * The loopback listener of {@code mosaic gateway serve} ({@code local.listen}): the session API
 * {@code /api/local/v1/*} for local users' bearer tokens, {@code /healthz} and {@code /metrics}.
 * Closing it stops accepting connections and releases the port.
 */
public interface LocalListener extends AutoCloseable {

  /**
   * Starts listening on {@code local.listen}.
   *
   * @return the port actually bound (the ephemeral one when {@code local.listen} asked for 0)
   * @throws dev.mosaic.federation.application.port.out.InfrastructureException when it cannot
   */
  int start();

  @Override
  void close();
}
