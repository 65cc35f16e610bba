package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.fake.InMemoryRevocationBroadcaster;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.in.ServeFederatedRequestUseCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.BufferedSink;

/**
 * A real {@link FederationServer} on 127.0.0.1, port 0, with test doubles behind it (or the use
 * case given), and an OkHttp client that trusts the test root the ordinary way (JDK PKIX, host-name
 * verification). With client certificates wanted, the production {@link
 * ClientCertificateTrustManager} decides which ones pass, under the test root.
 */
final class Listener implements AutoCloseable {
  static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  /** An HTTP answer, read whole. */
  record Reply(int status, Headers headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      try {
        return (Map<String, Object>) Json.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + text(), e);
      }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> error() {
      return (Map<String, Object>) json().get("error");
    }

    String header(String name) {
      return headers.get(name);
    }
  }

  final TestPki pki = TestPki.create("Listener");
  final HeldCertificate serverCertificate = pki.server("127.0.0.1", "localhost");
  final ScriptedRedeemEnrollment redeem = new ScriptedRedeemEnrollment();
  final StubCertificateAuthority authority = new StubCertificateAuthority(pki);
  final MutableInstantSource clock = new MutableInstantSource(T0);
  final ScriptedServeFederatedRequest serve = new ScriptedServeFederatedRequest();
  final ScriptedRenewCertificate renewal = new ScriptedRenewCertificate();
  final InMemoryRevocationBroadcaster revocations = new InMemoryRevocationBroadcaster();
  final FakeX509CertificateReader certificateReader = new FakeX509CertificateReader();
  final FederationServer server;
  private final OkHttpClient client;
  private final List<OkHttpClient> clients = new CopyOnWriteArrayList<>();

  Listener() {
    this(100, false);
  }

  /**
   * @param enrollmentPerMinute the per-address limit of the public endpoints
   * @param wantClientCertificates bind a client trust manager (the test root)
   */
  Listener(int enrollmentPerMinute, boolean wantClientCertificates) {
    this(enrollmentPerMinute, wantClientCertificates, null);
  }

  /** Client certificates wanted; {@code useCase} serves {@code /v1}. */
  Listener(ServeFederatedRequestUseCase useCase) {
    this(100, true, useCase);
  }

  private Listener(
      int enrollmentPerMinute, boolean wantClientCertificates, ServeFederatedRequestUseCase use) {
    Optional<X509ExtendedTrustManager> clientTrust =
        wantClientCertificates
            ? Optional.of(new ClientCertificateTrustManager(pki.root().certificate()))
            : Optional.empty();
    HttpSettings settings =
        new HttpSettings(
            "127.0.0.1", 0, enrollmentPerMinute, Duration.ofSeconds(2), Duration.ofSeconds(5));
    server =
        FederationServers.create(
            settings,
            clock,
            redeem,
            authority,
            use == null ? serve : use,
            renewal,
            certificateReader,
            pki.keyManager(serverCertificate),
            clientTrust,
            revocations);
    server.start();
    client = client(null);
  }

  /** An OkHttp client trusting the test root, presenting {@code certificate} when not null. */
  OkHttpClient client(HeldCertificate certificate) {
    HandshakeCertificates handshake = pki.clientCertificates(certificate);
    return track(
        new OkHttpClient.Builder()
            .sslSocketFactory(handshake.sslSocketFactory(), handshake.trustManager())
            .build());
  }

  /**
   * TLS material trusting the test root and presenting {@code leaf} with {@code rest} as its chain,
   * whatever issuers the server names (as a requesting gateway's {@link LinkKeyManager} does).
   */
  SSLContext presenting(HeldCertificate leaf, X509Certificate... rest) {
    X509Certificate[] chain = new X509Certificate[rest.length + 1];
    chain[0] = leaf.certificate();
    System.arraycopy(rest, 0, chain, 1, rest.length);
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          new KeyManager[] {new LinkKeyManager(leaf.keyPair().getPrivate(), chain)},
          new TrustManager[] {pki.trustManager()},
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An OkHttp client over {@code context}, which does not retry a failed connection. */
  OkHttpClient clientOver(SSLContext context) {
    return track(
        new OkHttpClient.Builder()
            .sslSocketFactory(context.getSocketFactory(), pki.trustManager())
            .retryOnConnectionFailure(false)
            .build());
  }

  /**
   * Closes {@code client}'s idle connections with the listener, so that {@link #close()} need not
   * wait out the listener's shutdown idle timeout for them.
   */
  OkHttpClient track(OkHttpClient other) {
    clients.add(other);
    return other;
  }

  String url(String path) {
    return "https://127.0.0.1:" + server.port() + path;
  }

  Reply get(String path) {
    return call(client, new Request.Builder().url(url(path)).get().build());
  }

  Reply postJson(String path, String json) {
    return post(path, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
  }

  Reply post(String path, String contentType, byte[] body) {
    return call(
        client,
        new Request.Builder()
            .url(url(path))
            .post(RequestBody.create(body, contentType == null ? null : MediaType.get(contentType)))
            .build());
  }

  /** POSTs {@code body} chunked: no Content-Length, so the limit must be counted while reading. */
  Reply postChunked(String path, byte[] body) {
    RequestBody chunked =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return MediaType.get("application/json");
          }

          @Override
          public long contentLength() {
            return -1;
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.write(body);
          }
        };
    return call(client, new Request.Builder().url(url(path)).post(chunked).build());
  }

  Reply call(OkHttpClient with, Request request) {
    try (Response response = with.newCall(request).execute()) {
      return new Reply(response.code(), response.headers(), response.body().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Reply call(Request request) {
    return call(client, request);
  }

  @Override
  public void close() {
    clients.forEach(c -> c.connectionPool().evictAll());
    server.close();
  }
}
