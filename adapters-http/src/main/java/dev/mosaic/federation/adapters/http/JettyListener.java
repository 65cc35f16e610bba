package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One Jetty server with one connector, shared by both listeners: handlers on virtual threads, the
 * JSON error envelope for errors Jetty raises itself, no server version header, a graceful stop.
 * Not started by construction; closing twice, or a listener never started, is fine.
 */
final class JettyListener {
  static final long STOP_TIMEOUT_SECONDS = 10;

  private final String settingKey;
  private final String host;
  private final int requestedPort;
  private final Server server;
  private final ServerConnector connector;
  private final ExecutorService virtualThreads;

  /**
   * @param name the thread pool's name
   * @param settingKey the configuration key of the address, named in every error message
   * @param connector builds the connector on the server from the shared HTTP configuration
   */
  JettyListener(
      String name,
      String settingKey,
      String host,
      int port,
      Handler handler,
      BiFunction<Server, HttpConfiguration, ServerConnector> connector) {
    this.settingKey = settingKey;
    this.host = host;
    this.requestedPort = port;
    this.virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName(name);
    threads.setVirtualThreadsExecutor(virtualThreads);
    this.server = new Server(threads);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    this.connector = connector.apply(server, http);
    this.connector.setHost(host);
    this.connector.setPort(port);
    server.addConnector(this.connector);
    server.setHandler(new GracefulHandler(handler));
    server.setErrorHandler(new JsonErrorHandler());
    server.setStopTimeout(Duration.ofSeconds(STOP_TIMEOUT_SECONDS).toMillis());
  }

  /**
   * @throws InfrastructureException (not transient) when the address cannot be bound
   */
  synchronized void start() {
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly();
      throw new InfrastructureException(
          settingKey + " " + host + ":" + requestedPort + " cannot be bound: " + e.getMessage(),
          false);
    }
  }

  int port(String what) {
    int port = connector.getLocalPort();
    if (port <= 0) {
      throw new IllegalStateException(what + " is not started");
    }
    return port;
  }

  /** The connections open right now (also those still in their TLS handshake). */
  Collection<EndPoint> connectedEndPoints() {
    return connector.getConnectedEndPoints();
  }

  synchronized void close(String what) {
    try {
      server.stop();
    } catch (Exception e) {
      throw new InfrastructureException(what + " did not stop cleanly: " + e.getMessage(), false);
    } finally {
      virtualThreads.shutdown();
    }
  }

  private void stopQuietly() {
    try {
      server.stop();
    } catch (Exception ignored) {
      // the start failure is the one to report
    }
    virtualThreads.shutdown();
  }
}
