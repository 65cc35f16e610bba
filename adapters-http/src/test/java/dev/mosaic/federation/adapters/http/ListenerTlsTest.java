package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mosaic.federation.application.port.in.RedeemEnrollmentResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.TlsVersion;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class ListenerTlsTest {

  @Test
  void v1_withTrustedClientCertificate_passesTheGate() {
    try (Listener listener = new Listener(100, true)) {
      HeldCertificate client = listener.pki.client("home.example");
      OkHttpClient withCertificate = listener.client(client);

      Listener.Reply withCert =
          listener.call(
              withCertificate,
              new Request.Builder().url(listener.url("/api/federation/v1/capabilities")).build());
      Listener.Reply without = listener.get("/api/federation/v1/capabilities");

      assertThat(withCert.status()).isEqualTo(403);
      assertThat(listener.serve.capabilitiesCalls()).hasSize(1);
      assertThat(without.status()).isEqualTo(401);
      assertThat(without.error()).containsEntry("code", "unauthorized");
    }
  }

  @Test
  void publicEndpoints_withOrWithoutClientCertificate_answer() {
    try (Listener listener = new Listener(100, true)) {
      OkHttpClient withCertificate = listener.client(listener.pki.client("home.example"));

      Listener.Reply withCert =
          listener.call(
              withCertificate,
              new Request.Builder().url(listener.url("/api/federation/ca")).build());

      assertThat(withCert.status()).isEqualTo(200);
      assertThat(listener.get("/api/federation/ca").status()).isEqualTo(200);
    }
  }

  @Test
  void handshake_clientCertificateOfAnotherCa_isRefused() throws Exception {
    try (Listener listener = new Listener(100, true)) {
      TestPki stranger = TestPki.create("Stranger");
      HeldCertificate foreign = stranger.client("mallory.example");
      // LinkKeyManager offers its certificate whatever issuers the server names.
      SSLContext context = SSLContext.getInstance("TLS");
      X509ExtendedTrustManager trust = listener.pki.trustManager();
      context.init(
          new KeyManager[] {
            new LinkKeyManager(
                foreign.keyPair().getPrivate(),
                new X509Certificate[] {
                  foreign.certificate(), stranger.intermediate().certificate()
                })
          },
          new TrustManager[] {trust},
          null);
      OkHttpClient client =
          listener.track(
              new OkHttpClient.Builder()
                  .sslSocketFactory(context.getSocketFactory(), trust)
                  .build());

      assertThatThrownBy(
              () ->
                  listener.call(
                      client,
                      new Request.Builder()
                          .url(listener.url("/api/federation/v1/capabilities"))
                          .build()))
          .isInstanceOf(UncheckedIOException.class);
    }
  }

  @Test
  void close_requestInFlight_finishesItBeforeStopping() throws Exception {
    Listener listener = new Listener();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    listener.redeem.answer(
        command -> {
          entered.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new RedeemEnrollmentResult.Gone("used");
        });
    int port = listener.server.port();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Listener.Reply> inFlight =
          threads.submit(
              () ->
                  listener.postJson(
                      "/api/federation/enrollment", "{\"token\":\"t\",\"csr\":\"c\"}"));
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

      Future<?> closing = threads.submit(listener::close);
      await().atMost(Duration.ofSeconds(10)).until(() -> refusesConnections(port));
      assertThat(closing).isNotDone();
      release.countDown();

      assertThat(inFlight.get(10, TimeUnit.SECONDS).status()).isEqualTo(410);
      closing.get(FederationServer.STOP_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  private static boolean refusesConnections(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Test
  void handshake_presentsTheChainUpToTheRoot() throws IOException {
    try (Listener listener = new Listener()) {
      OkHttpClient client = listener.client(null);
      try (Response response =
          client
              .newCall(new Request.Builder().url(listener.url("/api/federation/ca")).build())
              .execute()) {
        List<Certificate> presented = response.handshake().peerCertificates();

        assertThat(presented)
            .containsExactly(
                listener.serverCertificate.certificate(),
                listener.pki.intermediate().certificate(),
                listener.pki.root().certificate());
      }
    }
  }

  @Test
  void handshake_tls12_isAccepted() throws IOException {
    try (Listener listener = new Listener()) {
      HandshakeCertificates handshake = listener.pki.clientCertificates(null);
      OkHttpClient tls12 =
          listener.track(
              new OkHttpClient.Builder()
                  .sslSocketFactory(handshake.sslSocketFactory(), handshake.trustManager())
                  .connectionSpecs(
                      List.of(
                          new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
                              .tlsVersions(TlsVersion.TLS_1_2)
                              .build()))
                  .build());
      try (Response response =
          tls12
              .newCall(new Request.Builder().url(listener.url("/api/federation/ca")).build())
              .execute()) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.handshake().tlsVersion()).isEqualTo(TlsVersion.TLS_1_2);
      }
    }
  }

  @Test
  void start_portInUse_failsNamingTheAddress() {
    try (Listener listener = new Listener()) {
      HttpSettings taken =
          new HttpSettings(
              "127.0.0.1",
              listener.server.port(),
              10,
              Duration.ofSeconds(1),
              Duration.ofSeconds(1));
      FederationServer second =
          FederationServers.create(
              taken,
              listener.clock,
              listener.redeem,
              listener.authority,
              listener.serve,
              listener.renewal,
              listener.certificateReader,
              listener.pki.keyManager(listener.serverCertificate),
              Optional.empty(),
              listener.revocations);

      assertThatThrownBy(second::start)
          .hasMessageContaining("federation.listen 127.0.0.1:" + listener.server.port());
      second.close();
    }
  }

  @Test
  void port_beforeStart_isAnError() {
    TestPki pki = TestPki.create("Unstarted");
    FederationServer server =
        FederationServers.create(
            new HttpSettings("127.0.0.1", 0, 10, Duration.ofSeconds(1), Duration.ofSeconds(1)),
            new dev.mosaic.federation.application.fake.MutableInstantSource(Listener.T0),
            new ScriptedRedeemEnrollment(),
            new StubCertificateAuthority(pki),
            new ScriptedServeFederatedRequest(),
            new ScriptedRenewCertificate(),
            new FakeX509CertificateReader(),
            pki.keyManager(pki.server("127.0.0.1")),
            Optional.empty(),
            new dev.mosaic.federation.application.fake.InMemoryRevocationBroadcaster());

    assertThatThrownBy(server::port).hasMessageContaining("not started");
    server.close();
  }

  @Test
  void close_releasesThePort() {
    Listener listener = new Listener();
    String url = listener.url("/api/federation/ca");

    listener.close();

    assertThatThrownBy(() -> listener.call(new Request.Builder().url(url).build()))
        .isInstanceOf(UncheckedIOException.class);
  }
}
