package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.mosaic.federation.application.fake.InMemoryKeySealer;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentUseCase;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.application.port.out.PeerTransport;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpModule} compiles into a component with exactly the bindings its Javadoc names, and the
 * graph it builds serves: the transport fetches the listener's CA root under the pin.
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
    static InstantSource clock() {
      return new MutableInstantSource(Listener.T0);
    }

    @Provides
    static RedeemEnrollmentUseCase redeem() {
      return new ScriptedRedeemEnrollment();
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
  }

  @Module
  static final class ClientTrust {
    private ClientTrust() {}

    @Provides
    @Named(HttpModule.CLIENT_TRUST_MANAGER)
    static X509ExtendedTrustManager clientTrust(TestPki pki) {
      return pki.trustManager();
    }
  }

  @Singleton
  @Component(modules = {HttpModule.class, Needs.class})
  interface Minimal {
    FederationServer server();

    PeerTransport transport();

    @Component.Factory
    interface Factory {
      Minimal create(@BindsInstance TestPki pki);
    }
  }

  @Singleton
  @Component(modules = {HttpModule.class, Needs.class, ClientTrust.class})
  interface WithClientTrust {
    FederationServer server();

    @Component.Factory
    interface Factory {
      WithClientTrust create(@BindsInstance TestPki pki);
    }
  }

  @Test
  void graph_withoutClientTrust_servesTheRootToItsOwnTransport() {
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
  void graph_withClientTrust_buildsAServer() {
    TestPki pki = TestPki.create("WiredTrust");
    FederationServer server =
        DaggerHttpModuleWiringTest_WithClientTrust.factory().create(pki).server();
    server.start();
    try {
      assertThat(server.port()).isPositive();
    } finally {
      server.close();
    }
  }
}
