package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * B's federation listener (SPEC §9): HTTPS on {@code federation.listen}, TLS 1.3 and 1.2 only, the
 * server certificate from the key manager bound in the graph, HTTP/1.1, handlers on virtual
 * threads. Client certificates are <em>wanted</em>, never required, at TLS when a client trust
 * manager is bound (a connection without one reaches only the unauthenticated endpoints; a
 * certificate the trust manager rejects fails the handshake); without a trust manager none is
 * requested.
 *
 * <p>Not started by construction: {@link #start()} binds, {@link #close()} stops accepting and
 * waits up to {@value #STOP_TIMEOUT_SECONDS} s for requests in flight.
 */
public final class FederationServer implements AutoCloseable {
  static final long STOP_TIMEOUT_SECONDS = 10;

  private final HttpSettings settings;
  private final Server server;
  private final ServerConnector connector;
  private final ExecutorService virtualThreads;

  FederationServer(
      HttpSettings settings,
      X509ExtendedKeyManager keyManager,
      Optional<X509ExtendedTrustManager> clientTrust,
      Handler handler) {
    this.settings = settings;
    this.virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("federation-listener");
    threads.setVirtualThreadsExecutor(virtualThreads);
    this.server = new Server(threads);

    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setSslContext(sslContext(keyManager, clientTrust));
    tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    tls.setWantClientAuth(clientTrust.isPresent());

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // Host-name checking is the client's job (it verifies our certificate); a Host header that
    // differs from the certificate's name is not a reason to answer with Jetty's error page.
    http.addCustomizer(new SecureRequestCustomizer(false));
    HttpConnectionFactory http11 = new HttpConnectionFactory(http);

    this.connector =
        new ServerConnector(server, new SslConnectionFactory(tls, http11.getProtocol()), http11);
    connector.setHost(settings.listenHost());
    connector.setPort(settings.listenPort());
    server.addConnector(connector);
    server.setHandler(new GracefulHandler(handler));
    server.setErrorHandler(new JsonErrorHandler());
    server.setStopTimeout(Duration.ofSeconds(STOP_TIMEOUT_SECONDS).toMillis());
  }

  private static SSLContext sslContext(
      X509ExtendedKeyManager keyManager, Optional<X509ExtendedTrustManager> clientTrust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          new KeyManager[] {keyManager},
          clientTrust.map(trust -> new TrustManager[] {trust}).orElse(null),
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no TLS context: " + e.getMessage(), e);
    }
  }

  /**
   * Binds {@code federation.listen} and starts serving.
   *
   * @throws InfrastructureException (not transient) when the address cannot be bound
   */
  public synchronized void start() {
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly();
      throw new InfrastructureException(
          "federation.listen "
              + settings.listenHost()
              + ":"
              + settings.listenPort()
              + " cannot be bound: "
              + e.getMessage(),
          false);
    }
  }

  /** The bound port (the ephemeral one when {@code federation.listen} asked for port 0). */
  public int port() {
    int port = connector.getLocalPort();
    if (port <= 0) {
      throw new IllegalStateException("the federation listener is not started");
    }
    return port;
  }

  /**
   * Stops accepting connections, lets requests in flight finish (bounded), then releases the port.
   * Closing twice, or a server never started, is fine.
   */
  @Override
  public synchronized void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new InfrastructureException(
          "the federation listener did not stop cleanly: " + e.getMessage(), false);
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
