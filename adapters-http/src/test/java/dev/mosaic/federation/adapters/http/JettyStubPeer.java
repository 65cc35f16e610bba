package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.contract.PeerTransportContract;
import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkCertificate;
import dev.mosaic.federation.domain.link.LinkId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.user.UserId;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import okhttp3.tls.HeldCertificate;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A peer gateway for {@link PeerTransportContract}: a plain Jetty with TLS on 127.0.0.1 whose
 * server key manager the test chooses, wanting client certificates of the test CA, answering
 * scripted JSON and recording what it received (including the client certificate and the
 * connection).
 */
final class JettyStubPeer implements PeerTransportContract.StubPeer {
  /** What the stub saw of one request. */
  record Seen(
      PeerRequest request, Optional<X509Certificate> clientCertificate, String connection) {}

  private record Answer(int status, Map<String, Object> body) {}

  final TestPki pki;
  private final KeySealer sealer;
  private final PeerTransport transport;
  private final Server server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final AtomicReference<Seen> last = new AtomicReference<>();
  private volatile CountDownLatch stall;
  private final int port;

  /**
   * @param serverKeyManager the server's certificate as the test wants it presented
   * @param transport builds the transport under test for this stub's sealer
   */
  JettyStubPeer(
      TestPki pki,
      X509ExtendedKeyManager serverKeyManager,
      KeySealer sealer,
      java.util.function.Function<KeySealer, PeerTransport> transport) {
    this.pki = pki;
    this.sealer = sealer;
    this.transport = transport.apply(sealer);
    this.server = new Server();
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          new KeyManager[] {serverKeyManager}, new TrustManager[] {pki.trustManager()}, null);
      SslContextFactory.Server tls = new SslContextFactory.Server();
      tls.setSslContext(context);
      tls.setWantClientAuth(true);
      HttpConfiguration http = new HttpConfiguration();
      http.addCustomizer(new SecureRequestCustomizer(false));
      HttpConnectionFactory http11 = new HttpConnectionFactory(http);
      ServerConnector connector =
          new ServerConnector(server, new SslConnectionFactory(tls, http11.getProtocol()), http11);
      connector.setHost("127.0.0.1");
      server.addConnector(connector);
      server.setHandler(new Recorder());
      server.start();
      this.port = connector.getLocalPort();
    } catch (Exception e) {
      throw new IllegalStateException("the stub peer did not start", e);
    }
  }

  /** The usual stub: a serverAuth certificate for 127.0.0.1, chain up to the root. */
  static JettyStubPeer standard(
      KeySealer sealer, java.util.function.Function<KeySealer, PeerTransport> transport) {
    TestPki pki = TestPki.create("Peer");
    return new JettyStubPeer(
        pki, pki.keyManagerWithRoot(pki.server("127.0.0.1")), sealer, transport);
  }

  private final class Recorder extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback)
        throws IOException {
      byte[] bytes = Content.Source.asInputStream(request).readAllBytes();
      @SuppressWarnings("unchecked")
      Map<String, Object> body =
          bytes.length == 0 ? null : (Map<String, Object>) Json.readTree(bytes);
      Map<String, String> headers = new LinkedHashMap<>();
      for (HttpField field : request.getHeaders()) {
        headers.put(field.getName(), field.getValue());
      }
      String path = Request.getPathInContext(request);
      Optional<X509Certificate> client =
          request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE)
                      instanceof EndPoint.SslSessionData d
                  && d.peerCertificates() != null
              ? Optional.of(d.peerCertificates()[0])
              : Optional.empty();
      last.set(
          new Seen(
              new PeerRequest(request.getMethod(), path, Optional.ofNullable(body), headers),
              client,
              request.getConnectionMetaData().getId()));
      CountDownLatch gate = stall;
      if (gate != null) {
        try {
          gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Answer answer =
          answers.getOrDefault(
              request.getMethod() + " " + path,
              new Answer(404, Map.of("error", Map.of("code", "not_found"))));
      response.setStatus(answer.status());
      response.getHeaders().put("Content-Type", "application/json");
      response.write(true, ByteBuffer.wrap(Json.write(answer.body())), callback);
      return true;
    }
  }

  /** Until the returned latch is counted down, requests wait before they are answered. */
  CountDownLatch stallAnswers() {
    CountDownLatch gate = new CountDownLatch(1);
    stall = gate;
    return gate;
  }

  Optional<Seen> lastSeen() {
    return Optional.ofNullable(last.get());
  }

  /** The port it listens (or listened) on. */
  int port() {
    return port;
  }

  @Override
  public PeerTransport transport() {
    return transport;
  }

  @Override
  public URI gatewayUrl() {
    return URI.create("https://127.0.0.1:" + port());
  }

  @Override
  public CertificateFingerprint caRootPin() {
    return pki.rootPin();
  }

  @Override
  public Link aLink() {
    return linkWith(pki.client("home.example"));
  }

  /** A link to this stub presenting {@code client}. */
  Link linkWith(HeldCertificate client) {
    try {
      LinkCertificate certificate =
          new LinkCertificate(
              client.certificatePem(),
              List.of(pki.intermediate().certificatePem()),
              CertificateFingerprint.of(client.certificate().getEncoded()),
              client.certificate().getNotAfter().toInstant(),
              sealer.seal(client.keyPair().getPrivate().getEncoded()));
      return Link.create(
          new LinkId(UUID.randomUUID()),
          new UserId(UUID.randomUUID()),
          PeerName.parse("work.example"),
          gatewayUrl(),
          new GrantId(UUID.randomUUID()),
          new UserId(UUID.randomUUID()),
          pki.rootPin(),
          certificate,
          Listener.T0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void answer(String method, String path, int status, Map<String, Object> body) {
    answers.put(method + " " + path, new Answer(status, body));
  }

  @Override
  public Optional<PeerRequest> lastRequest() {
    return lastSeen().map(Seen::request);
  }

  @Override
  public void goOffline() {
    close();
  }

  @Override
  public void close() {
    CountDownLatch gate = stall;
    if (gate != null) {
      gate.countDown();
    }
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the stub peer did not stop", e);
    }
  }
}
