package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.RevocationBroadcaster;
import dev.mosaic.federation.application.port.out.RevocationNotice;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * B's federation listener (SPEC §9): HTTPS on {@code federation.listen}, TLS 1.3 and 1.2 only, the
 * server certificate from the key manager bound in the graph, HTTP/1.1, handlers on virtual
 * threads. Client certificates are <em>wanted</em>, never required, at TLS when a client trust
 * manager is bound (a connection without one reaches only the unauthenticated endpoints; a
 * certificate the trust manager rejects — untrusted, expired, not for clients — fails the
 * handshake, so no handler runs, resumed sessions included, see {@link ResumptionGuard};
 * renegotiation is refused; a certificate of a revoked grant is refused per request, 403 {@code
 * grant_revoked}); without a trust manager none is requested.
 *
 * <p>Not started by construction: {@link #start()} binds and subscribes to revocation notices
 * (closing the live connections of revoked certificates, {@link #closeConnectionsOf}); {@link
 * #close()} unsubscribes, stops accepting and waits up to {@value #STOP_TIMEOUT_SECONDS} s for
 * requests in flight.
 */
public final class FederationServer implements AutoCloseable {
  static final long STOP_TIMEOUT_SECONDS = JettyListener.STOP_TIMEOUT_SECONDS;
  private static final String WHAT = "the federation listener";

  private static final Logger LOG = LoggerFactory.getLogger(FederationServer.class);

  private final JettyListener listener;
  private final WireHandler handler;
  private final RevocationBroadcaster revocations;
  private RevocationBroadcaster.Subscription subscription;

  FederationServer(
      HttpSettings settings,
      X509ExtendedKeyManager keyManager,
      Optional<X509ExtendedTrustManager> clientTrust,
      WireHandler handler,
      RevocationBroadcaster revocations) {
    this.handler = handler;
    this.revocations = revocations;
    Optional<ResumptionGuard> guard = clientTrust.map(ResumptionGuard::new);
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setSslContext(sslContext(keyManager, guard));
    tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    tls.setWantClientAuth(clientTrust.isPresent());
    // A renegotiation could swap the client certificate under an authenticated connection.
    tls.setRenegotiationAllowed(false);
    this.listener =
        new JettyListener(
            "federation-listener",
            "federation.listen",
            settings.listenHost(),
            settings.listenPort(),
            handler,
            (server, http) -> {
              // Host-name checking is the client's job (it verifies our certificate); a Host
              // header that differs from the certificate's name is not a reason to answer
              // with Jetty's error page.
              http.addCustomizer(new SecureRequestCustomizer(false));
              HttpConnectionFactory http11 = new HttpConnectionFactory(http);
              SslConnectionFactory ssl = new SslConnectionFactory(tls, http11.getProtocol());
              guard.ifPresent(ssl::addBean);
              return new ServerConnector(server, ssl, http11);
            });
  }

  private static SSLContext sslContext(
      X509ExtendedKeyManager keyManager, Optional<ResumptionGuard> clientTrust) {
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
    listener.start();
    try {
      subscription = revocations.subscribe(this::closeConnectionsOf);
    } catch (InfrastructureException e) {
      // Best effort: every request is decided by the database, with or without the notices.
      LOG.warn(
          "not subscribed to revocation notices ({}); connections of certificates revoked on"
              + " another replica stay open until their next request is refused",
          e.getMessage());
    }
  }

  /**
   * Closes every live connection whose client certificate is one of the notice's (SPEC §5.3), so a
   * revoked requester cannot keep a connection it opened before. A connection still in its
   * handshake has no certificate yet; its requests are refused per request like any other.
   *
   * @return how many connections were closed
   */
  int closeConnectionsOf(RevocationNotice notice) {
    Set<CertificateFingerprint> revoked = Set.copyOf(notice.certificates());
    int closed = 0;
    for (EndPoint endPoint : listener.connectedEndPoints()) {
      if (endPoint.getConnection() instanceof SslConnection tls
          && clientCertificate(tls.getSSLEngine()).filter(revoked::contains).isPresent()) {
        endPoint.close();
        closed++;
      }
    }
    if (closed > 0) {
      LOG.info("closed {} connection(s) of revoked grant {}", closed, notice.grant());
    }
    return closed;
  }

  /** The fingerprint of the client certificate a completed handshake verified, if any. */
  private static Optional<CertificateFingerprint> clientCertificate(SSLEngine engine) {
    try {
      Certificate[] chain = engine.getSession().getPeerCertificates();
      return chain.length == 0
          ? Optional.empty()
          : Optional.of(CertificateFingerprint.of(chain[0].getEncoded()));
    } catch (SSLPeerUnverifiedException | CertificateEncodingException e) {
      return Optional.empty();
    }
  }

  /** The bound port (the ephemeral one when {@code federation.listen} asked for port 0). */
  public int port() {
    return listener.port(WHAT);
  }

  /**
   * Requests that reached the listener's handler, whatever their answer (for a metric, and for
   * tests that prove a refused handshake ran no handler). A connection whose TLS handshake failed
   * never counts.
   */
  public long requestsHandled() {
    return handler.requestsHandled();
  }

  /**
   * Stops accepting connections, lets requests in flight finish (bounded), then releases the port.
   * Closing twice, or a server never started, is fine.
   */
  @Override
  public synchronized void close() {
    if (subscription != null) {
      subscription.close();
      subscription = null;
    }
    listener.close(WHAT);
  }
}
