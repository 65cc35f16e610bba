package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.in.AuthenticateSessionUseCase;
import dev.mosaic.federation.application.port.in.FederationStatusUseCase;
import dev.mosaic.federation.application.port.in.QueryUseCase;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The requesting side's loopback listener on {@code local.listen} (SPEC §9): plain HTTP/1.1, the
 * session API, {@code /healthz} and {@code /metrics}, with the same wire rules and error envelope
 * as the federation listener. It binds loopback addresses only.
 *
 * <p>Not started by construction: {@link #start()} binds, {@link #close()} stops accepting and
 * waits up to {@value JettyListener#STOP_TIMEOUT_SECONDS} s for requests in flight.
 */
public final class LocalServer implements AutoCloseable {
  private static final String WHAT = "the local listener";

  private final LocalHttpSettings settings;
  private final JettyListener listener;

  private LocalServer(LocalHttpSettings settings, WireHandler handler) {
    this.settings = settings;
    this.listener =
        new JettyListener(
            "local-listener",
            "local.listen",
            settings.listenHost(),
            settings.listenPort(),
            handler,
            (server, http) -> new ServerConnector(server, new HttpConnectionFactory(http)));
  }

  static LocalServer create(
      LocalHttpSettings settings,
      AuthenticateSessionUseCase authenticate,
      QueryUseCase queries,
      FederationStatusUseCase status,
      Optional<Supplier<String>> metrics) {
    Router router =
        new LocalEndpoints(authenticate, queries, status, metrics)
            .addTo(new Router.Builder())
            .build();
    return new LocalServer(settings, WireHandler.loopback(router));
  }

  /**
   * Binds {@code local.listen} and starts serving.
   *
   * @throws InfrastructureException (not transient) when the address is not loopback, does not
   *     resolve, or cannot be bound — the message names {@code local.listen}
   */
  public void start() {
    requireLoopback(settings);
    listener.start();
  }

  /** The bound port (the ephemeral one when {@code local.listen} asked for port 0). */
  public int port() {
    return listener.port(WHAT);
  }

  /**
   * Stops accepting connections, lets requests in flight finish (bounded), then releases the port.
   * Closing twice, or a server never started, is fine.
   */
  @Override
  public void close() {
    listener.close(WHAT);
  }

  /** Every address {@code local.listen}'s host resolves to must be a loopback address. */
  static void requireLoopback(LocalHttpSettings settings) {
    String address = settings.listenHost() + ":" + settings.listenPort();
    InetAddress[] resolved;
    try {
      resolved = InetAddress.getAllByName(settings.listenHost());
    } catch (UnknownHostException e) {
      throw new InfrastructureException(
          "local.listen " + address + ": the host does not resolve", false);
    }
    if (resolved.length == 0 || !Arrays.stream(resolved).allMatch(InetAddress::isLoopbackAddress)) {
      throw new InfrastructureException(
          "local.listen "
              + address
              + " is not a loopback address; the session API binds only loopback"
              + " (127.0.0.1, ::1 or localhost)",
          false);
    }
  }
}
