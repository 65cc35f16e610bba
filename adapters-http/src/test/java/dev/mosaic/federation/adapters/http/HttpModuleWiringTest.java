package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.mosaic.federation.application.fake.InMemoryKeySealer;
import dev.mosaic.federation.application.fake.InMemoryLinkHealthRepository;
import dev.mosaic.federation.application.fake.InMemoryLinkRepository;
import dev.mosaic.federation.application.fake.InMemoryRevocationBroadcaster;
import dev.mosaic.federation.application.fake.InMemoryUserDirectory;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.in.AuthenticateSessionUseCase;
import dev.mosaic.federation.application.port.in.FederationStatusUseCase;
import dev.mosaic.federation.application.port.in.QueryUseCase;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentUseCase;
import dev.mosaic.federation.application.port.in.RenewCertificateUseCase;
import dev.mosaic.federation.application.port.in.ServeFederatedRequestUseCase;
import dev.mosaic.federation.application.port.in.SessionAuthentication;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.CertificateReader;
import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.application.port.out.RevocationBroadcaster;
import dev.mosaic.federation.application.service.FederationStatusService;
import dev.mosaic.federation.application.service.RenewalSettings;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.Supplier;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpModule} compiles into a component with exactly the bindings its Javadoc names, and the
 * graph it builds serves: the transport fetches the listener's CA root under the pin, the
 * federation listener trusts clients through the bound trust manager, the local listener answers.
 */
class HttpModuleWiringTest {

  @Module
  static final class Needs {
    private Needs() {}

    @Provides
    static HttpSettings settings() {
      return new HttpSettings("127.0.0.1", 0, 10, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Provides
    static LocalHttpSettings localSettings() {
      return new LocalHttpSettings("127.0.0.1", 0);
    }

    @Provides
    static InstantSource clock() {
      return new MutableInstantSource(Listener.T0);
    }

    @Provides
    static RedeemEnrollmentUseCase redeem() {
      return new ScriptedRedeemEnrollment();
    }

    @Provides
    static ServeFederatedRequestUseCase serve() {
      return new ScriptedServeFederatedRequest();
    }

    @Provides
    static RenewCertificateUseCase renewal() {
      return new ScriptedRenewCertificate();
    }

    @Provides
    static AuthenticateSessionUseCase authenticate() {
      return token -> new SessionAuthentication.Unauthenticated();
    }

    @Provides
    static QueryUseCase queries() {
      return new RecordingQueryUseCase();
    }

    @Provides
    static FederationStatusUseCase status() {
      return new FederationStatusService(
          new InMemoryUserDirectory(),
          new InMemoryLinkRepository(),
          new InMemoryLinkHealthRepository(),
          new RenewalSettings(java.time.Duration.ofDays(7)),
          InstantSource.fixed(Listener.T0));
    }

    @Provides
    static CertificateReader certificateReader() {
      return new FakeX509CertificateReader();
    }

    @Provides
    @Singleton
    static RevocationBroadcaster revocations() {
      return new InMemoryRevocationBroadcaster();
    }

    @Provides
    @Singleton
    static KeySealer sealer() {
      return new InMemoryKeySealer();
    }

    @Provides
    static CertificateAuthority authority(TestPki pki) {
      return new StubCertificateAuthority(pki);
    }

    @Provides
    @Named(HttpModule.SERVER_KEY_MANAGER)
    static X509ExtendedKeyManager serverKeyManager(TestPki pki) {
      return pki.keyManager(pki.server("127.0.0.1"));
    }

    @Provides
    @Named(HttpModule.CA_ROOT)
    static X509Certificate caRoot(TestPki pki) {
      return pki.root().certificate();
    }
  }

  @Module
  static final class Metrics {
    private Metrics() {}

    @Provides
    @Named(HttpModule.METRICS_SCRAPE)
    static Supplier<String> scrape() {
      return () -> "# TYPE up gauge\nup 1\n";
    }
  }

  @Singleton
  @Component(modules = {HttpModule.class, Needs.class})
  interface Minimal {
    FederationServer server();

    LocalServer localServer();

    @Named(HttpModule.PEER_NETWORK)
    PeerTransport transport();

    @Named(HttpModule.CLIENT_TRUST_MANAGER)
    X509ExtendedTrustManager clientTrust();

    @Component.Factory
    interface Factory {
      Minimal create(@BindsInstance TestPki pki);
    }
  }

  @Singleton
  @Component(modules = {HttpModule.class, Needs.class, Metrics.class})
  interface WithMetrics {
    LocalServer localServer();

    @Component.Factory
    interface Factory {
      WithMetrics create(@BindsInstance TestPki pki);
    }
  }

  @Test
  void graph_servesTheRootToItsOwnTransport() {
    TestPki pki = TestPki.create("Wired");
    Minimal graph = DaggerHttpModuleWiringTest_Minimal.factory().create(pki);
    FederationServer server = graph.server();
    server.start();
    try {
      PeerReply reply =
          graph
              .transport()
              .sendAnonymous(
                  URI.create("https://127.0.0.1:" + server.port()),
                  pki.rootPin(),
                  PeerRequest.get("/api/federation/ca"));

      assertThat(reply)
          .isInstanceOfSatisfying(
              PeerReply.Answered.class,
              a -> assertThat(a.body()).isEqualTo(pki.root().certificatePem()));
      assertThat(graph.server()).isSameAs(server);
      assertThat(graph.transport()).isSameAs(graph.transport());
    } finally {
      server.close();
    }
  }

  @Test
  void graph_clientTrust_isTheCaRootsTrustManager() {
    TestPki pki = TestPki.create("WiredTrust");
    Minimal graph = DaggerHttpModuleWiringTest_Minimal.factory().create(pki);

    assertThat(graph.clientTrust()).isInstanceOf(ClientCertificateTrustManager.class);
    assertThat(graph.clientTrust().getAcceptedIssuers()).containsExactly(pki.root().certificate());
    assertThat(graph.clientTrust()).isSameAs(graph.clientTrust());
  }

  @Test
  void graph_localServerWithoutMetrics_answersHealthAnd404ForMetrics() throws Exception {
    LocalServer local =
        DaggerHttpModuleWiringTest_Minimal.factory().create(TestPki.create("L")).localServer();
    local.start();
    try {
      assertThat(status(local, "/healthz")).isEqualTo(200);
      assertThat(status(local, "/metrics")).isEqualTo(404);
    } finally {
      local.close();
    }
  }

  @Test
  void graph_localServerWithMetrics_servesThem() throws Exception {
    LocalServer local =
        DaggerHttpModuleWiringTest_WithMetrics.factory().create(TestPki.create("M")).localServer();
    local.start();
    try {
      assertThat(status(local, "/metrics")).isEqualTo(200);
    } finally {
      local.close();
    }
  }

  private static int status(LocalServer local, String path) throws Exception {
    OkHttpClient client = new OkHttpClient();
    try (Response response =
        client
            .newCall(new Request.Builder().url("http://127.0.0.1:" + local.port() + path).build())
            .execute()) {
      return response.code();
    } finally {
      client.connectionPool().evictAll();
    }
  }
}
