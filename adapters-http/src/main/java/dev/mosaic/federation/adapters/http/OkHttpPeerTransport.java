package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.application.port.out.TransportFailure;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkCertificate;
import dev.mosaic.federation.domain.link.LinkId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.TlsVersion;

/**
 * {@link PeerTransport} over OkHttp. Every server is verified by a {@link PinnedRootTrustManager}
 * (the URL's pin, or the link's pinned CA) and OkHttp's host-name check; links add their client
 * certificate through a {@link LinkKeyManager} whose key is unsealed in memory only. TLS 1.3/1.2,
 * no redirects, {@code client.connectTimeout} to connect and {@code client.requestTimeout} for the
 * answer. One client per pin (sharing one connection pool) and one per link and certificate, each
 * with a connection pool of its own.
 *
 * <p>Key swap after a renewal: the link is read from the store for every request, so the first
 * request with the new certificate builds a new client (new key manager, new TLS context, new pool)
 * and retires the old one. Requests already in flight on the old client finish on their connection;
 * no new request ever reuses a connection authenticated with the old certificate (it lives only in
 * the retired pool), so a pooled connection can never outlive the certificate that authenticated
 * it. Retired pools are drained — idle connections closed — at every later request and dropped once
 * empty. A request that still carries the previous certificate (a link read just before the swap)
 * gets a one-off client, retired right after the call. This per-certificate client stands in for
 * SPEC §5.4's "delegating key manager": same effect, and no pooled connection can be reused under a
 * certificate other than the one it presented.
 */
final class OkHttpPeerTransport implements PeerTransport {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final ConnectionSpec TLS =
      new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
          .tlsVersions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)
          .build();

  /** Whether a call got a connection; tells a connect failure from a slow answer. */
  private static final class Progress {
    final AtomicBoolean connected = new AtomicBoolean();
  }

  private record LinkClient(
      CertificateFingerprint certificate, Instant notAfter, OkHttpClient client) {}

  private final KeySealer keySealer;
  private final OkHttpClient base;
  private final ConcurrentMap<CertificateFingerprint, OkHttpClient> anonymousClients =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<LinkId, LinkClient> linkClients = new ConcurrentHashMap<>();
  private final Queue<OkHttpClient> retired = new ConcurrentLinkedQueue<>();

  @Inject
  OkHttpPeerTransport(HttpSettings settings, KeySealer keySealer) {
    this.keySealer = keySealer;
    this.base =
        new OkHttpClient.Builder()
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.requestTimeout())
            .writeTimeout(settings.requestTimeout())
            .callTimeout(settings.connectTimeout().plus(settings.requestTimeout()))
            .followRedirects(false)
            .followSslRedirects(false)
            .connectionSpecs(List.of(TLS))
            .eventListenerFactory(
                call ->
                    new EventListener() {
                      @Override
                      public void connectionAcquired(Call c, Connection connection) {
                        Progress progress = c.request().tag(Progress.class);
                        if (progress != null) {
                          progress.connected.set(true);
                        }
                      }
                    })
            .build();
  }

  @Override
  public PeerReply send(Link link, PeerRequest request) {
    drainRetired();
    LinkClient client = clientFor(link);
    try {
      return call(client.client(), link.endpoint(), request);
    } finally {
      if (linkClients.get(link.id()) != client) {
        retire(client.client());
      }
    }
  }

  @Override
  public PeerReply sendAnonymous(
      URI gatewayUrl, CertificateFingerprint caRootPin, PeerRequest request) {
    OkHttpClient client = anonymousClients.computeIfAbsent(caRootPin, pin -> withTls(pin, null));
    return call(client, gatewayUrl, request);
  }

  /**
   * The link's client for its certificate: the cached one, a new one that replaces (and retires) a
   * client of an older certificate, or — for a link read before a newer certificate was stored — a
   * one-off client the caller retires after its call.
   */
  private LinkClient clientFor(Link link) {
    LinkCertificate certificate = link.certificate();
    LinkClient cached = linkClients.get(link.id());
    if (cached != null && cached.certificate().equals(certificate.fingerprint())) {
      return cached;
    }
    LinkClient fresh =
        new LinkClient(
            certificate.fingerprint(),
            certificate.notAfter(),
            withTls(link.pinnedCaFingerprint(), keyManager(link.id(), certificate))
                .newBuilder()
                .connectionPool(new ConnectionPool())
                .build());
    if (cached != null && cached.notAfter().isAfter(certificate.notAfter())) {
      return fresh;
    }
    LinkClient replaced = linkClients.put(link.id(), fresh);
    if (replaced != null && replaced != fresh) {
      retire(replaced.client());
    }
    return fresh;
  }

  private void retire(OkHttpClient client) {
    client.connectionPool().evictAll();
    retired.add(client);
  }

  /** Closes idle connections of retired clients; forgets those with none left. */
  private void drainRetired() {
    retired.removeIf(
        client -> {
          client.connectionPool().evictAll();
          return client.connectionPool().connectionCount() == 0;
        });
  }

  /** Link clients in use plus retired clients not yet drained (for tests). */
  int clientsHeld() {
    drainRetired();
    return linkClients.size() + retired.size();
  }

  private OkHttpClient withTls(CertificateFingerprint pin, LinkKeyManager keyManager) {
    PinnedRootTrustManager trust = new PinnedRootTrustManager(pin);
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keyManager == null ? null : new KeyManager[] {keyManager},
          new TrustManager[] {trust},
          null);
      return base.newBuilder().sslSocketFactory(context.getSocketFactory(), trust).build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no TLS context: " + e.getMessage(), e);
    }
  }

  private LinkKeyManager keyManager(LinkId link, LinkCertificate certificate) {
    byte[] pkcs8 =
        keySealer
            .open(certificate.sealedPrivateKey())
            .orElseThrow(
                () ->
                    new InfrastructureException(
                        "the private key of link "
                            + link
                            + " cannot be opened with the configured sealing key",
                        false));
    try {
      PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      List<X509Certificate> chain = new ArrayList<>(Pem.certificates(certificate.certificatePem()));
      for (String intermediate : certificate.chainPem()) {
        chain.addAll(Pem.certificates(intermediate));
      }
      return new LinkKeyManager(key, chain.toArray(X509Certificate[]::new));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new InfrastructureException(
          "the stored key or certificate of link " + link + " is unreadable", false);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  private static PeerReply call(OkHttpClient client, URI gateway, PeerRequest request) {
    if (!"https".equalsIgnoreCase(gateway.getScheme())) {
      return new PeerReply.Failed(
          TransportFailure.SERVER_UNTRUSTED, "only https gateways are called, not " + gateway);
    }
    String base = gateway.toString().replaceAll("/+$", "");
    HttpUrl url = HttpUrl.get(base + request.path());
    Progress progress = new Progress();
    Request.Builder builder = new Request.Builder().url(url).tag(Progress.class, progress);
    request.headers().forEach(builder::header);
    RequestBody body =
        request.body().map(json -> RequestBody.create(Json.write(json), JSON)).orElse(null);
    builder.method(request.method(), body);
    try (Response response = client.newCall(builder.build()).execute()) {
      return answered(response);
    } catch (IOException e) {
      return failed(e, progress.connected.get(), url);
    }
  }

  private static PeerReply.Answered answered(Response response) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : response.headers().names()) {
      headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", response.headers(name)));
    }
    byte[] bytes = response.body().bytes();
    Object body = null;
    if (bytes.length > 0) {
      MediaType type = response.body().contentType();
      boolean json = type != null && type.subtype().toLowerCase(Locale.ROOT).endsWith("json");
      body = json ? jsonOrText(bytes) : new String(bytes, StandardCharsets.UTF_8);
    }
    return new PeerReply.Answered(response.code(), headers, body);
  }

  private static Object jsonOrText(byte[] bytes) {
    try {
      return Json.readTree(bytes);
    } catch (IOException e) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** The failure kind and a detail that names the peer and the cause, never key material. */
  static PeerReply.Failed failed(IOException e, boolean connected, HttpUrl url) {
    String peer = url.host() + ":" + url.port();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PinnedRootTrustManager.UntrustedServerException untrusted) {
        return new PeerReply.Failed(
            TransportFailure.SERVER_UNTRUSTED, peer + ": " + untrusted.getMessage());
      }
    }
    if (e instanceof SSLPeerUnverifiedException) {
      return new PeerReply.Failed(
          TransportFailure.SERVER_UNTRUSTED,
          peer + ": the server's certificate is not valid for host " + url.host());
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException ssl) {
        String message = String.valueOf(ssl.getMessage());
        TransportFailure kind =
            message.contains("certificate_revoked")
                ? TransportFailure.CERTIFICATE_REVOKED
                : TransportFailure.HANDSHAKE;
        return new PeerReply.Failed(kind, peer + ": TLS failed: " + message);
      }
    }
    if (e instanceof InterruptedIOException && connected) {
      return new PeerReply.Failed(
          TransportFailure.TIMEOUT, peer + ": no answer within client.requestTimeout");
    }
    return new PeerReply.Failed(
        TransportFailure.CONNECT,
        peer + ": cannot connect (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
  }
}
