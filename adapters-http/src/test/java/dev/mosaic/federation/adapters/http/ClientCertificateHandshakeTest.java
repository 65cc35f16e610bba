package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509ExtendedTrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.TlsVersion;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The federation listener's TLS gate (SPEC §5.2 step 1) over real handshakes, TLS 1.3 and 1.2: a
 * refused client certificate fails the handshake, and no handler runs — not even the wire rules.
 *
 * <p>Which alert the client reads is not asserted: the JDK's server side (through JDK 25) sends
 * {@code certificate_unknown} for every refused client certificate whatever the trust manager's
 * reason, and the client may see the connection reset before it reads that alert, as the server
 * closes while the client is still sending its flight. A certificate of a revoked grant is not
 * refused here but per request (see {@code ServingOverMutualTlsTest}).
 */
class ClientCertificateHandshakeTest {
  private static final String CAPABILITIES = "/api/federation/v1/capabilities";
  private static final List<TlsVersion> VERSIONS = List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);

  private final Listener listener = new Listener(100, true);

  @AfterEach
  void stop() {
    listener.close();
  }

  private SSLContext presenting(HeldCertificate leaf, X509Certificate... rest) {
    return listener.presenting(leaf, rest);
  }

  /** A new OkHttp client over {@code context}'s sockets (and so its TLS session cache). */
  private OkHttpClient client(SSLContext context, TlsVersion version) {
    return listener.track(
        new OkHttpClient.Builder()
            .sslSocketFactory(
                context.getSocketFactory(), (X509ExtendedTrustManager) listener.pki.trustManager())
            .connectionSpecs(
                List.of(
                    new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
                        .tlsVersions(version)
                        .build()))
            .retryOnConnectionFailure(false)
            .build());
  }

  private Listener.Reply capabilities(OkHttpClient client) {
    Listener.Reply reply =
        listener.call(client, new Request.Builder().url(listener.url(CAPABILITIES)).build());
    client.connectionPool().evictAll();
    return reply;
  }

  private void assertRefusedWithoutHandler(SSLContext context) {
    for (TlsVersion version : VERSIONS) {
      assertThatThrownBy(() -> capabilities(client(context, version)))
          .as("over %s", version)
          .isInstanceOf(UncheckedIOException.class);
    }
    assertThat(listener.server.requestsHandled()).isZero();
    assertThat(listener.serve.calls()).isZero();
    assertThat(listener.certificateReader.read()).isEmpty();
  }

  @Test
  void handshake_certificateOfAnotherCa_failsAndNoHandlerRuns() throws Exception {
    TestPki stranger = TestPki.create("Stranger");

    assertRefusedWithoutHandler(
        presenting(stranger.client("mallory.example"), stranger.intermediate().certificate()));
  }

  @Test
  void handshake_serverAuthOnlyCertificateOfTheCa_failsAndNoHandlerRuns() throws Exception {
    assertRefusedWithoutHandler(
        presenting(
            listener.pki.server("impostor.example"), listener.pki.intermediate().certificate()));
  }

  @Test
  void handshake_trustedClientCertificate_reachesTheHandler() throws Exception {
    SSLContext context =
        presenting(listener.pki.client("home.example"), listener.pki.intermediate().certificate());

    for (TlsVersion version : VERSIONS) {
      assertThat(capabilities(client(context, version)).status())
          .as("over %s", version)
          .isEqualTo(403);
    }
    assertThat(listener.server.requestsHandled()).isEqualTo(2);
    assertThat(listener.serve.capabilitiesCalls()).hasSize(2);
  }

  @Test
  void resumedSession_certificateExpiredSinceItsFirstHandshake_isRefusedBeforeAnyHandler()
      throws Exception {
    for (TlsVersion version : VERSIONS) {
      HeldCertificate client =
          listener.pki.leaf(TestPki.Usage.CLIENT_AUTH, Duration.ofSeconds(2), "home.example");
      SSLContext context = presenting(client, listener.pki.intermediate().certificate());
      assertThat(capabilities(client(context, version)).status()).isEqualTo(403);

      Instant notAfter = client.certificate().getNotAfter().toInstant();
      await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(notAfter));

      // a new connection from the same TLS context offers to resume the session
      assertThatThrownBy(() -> capabilities(client(context, version)))
          .as("over %s", version)
          .isInstanceOf(UncheckedIOException.class);
    }
    assertThat(listener.server.requestsHandled()).isEqualTo(2);
    assertThat(listener.serve.calls()).isEqualTo(2);
  }
}
