package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.fake.InMemoryRevokedCertificateRepository;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.domain.fixtures.Times;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenewingServerKeyManagerTest {

  private static final ServerName LOOPBACK = ServerName.of(URI.create("https://127.0.0.1:8443"));

  @TempDir Path dir;

  private final MutableInstantSource clock = new MutableInstantSource(Times.T0);
  private final AtomicInteger issued = new AtomicInteger();

  @Test
  void renewing_serves_theCaIssuedChainAndItsKey() {
    LocalCertificateAuthority ca = ca(clock);
    var manager = RenewingServerKeyManager.renewing(source(ca), clock);

    String alias = manager.chooseServerAlias("EC", null, null);

    X509Certificate[] chain = manager.getCertificateChain(alias);
    assertThat(chain).hasSize(2);
    assertThat(chain[0]).isEqualTo(manager.currentCertificate());
    assertThat(chain[1]).isEqualTo(ca.intermediate());
    assertThat(Certificates.keyMatches(manager.getPrivateKey(alias), chain[0])).isTrue();
    assertThat(manager.getServerAliases("EC", null)).containsExactly(alias);
    assertThat(issued).hasValue(1);
  }

  @Test
  void chooseServerAlias_beforeTwoThirdsOfTheLifetime_keepsTheCertificate() {
    var manager = RenewingServerKeyManager.renewing(source(ca(clock)), clock);
    String first = manager.chooseServerAlias("EC", null, null);

    clock.advance(TestLocalCa.LIFETIME.multipliedBy(2).dividedBy(3).minusMinutes(2));

    assertThat(manager.chooseServerAlias("EC", null, null)).isEqualTo(first);
    assertThat(issued).hasValue(1);
  }

  @Test
  void chooseServerAlias_afterTwoThirdsOfTheLifetime_swapsInANewCertificate() {
    var manager = RenewingServerKeyManager.renewing(source(ca(clock)), clock);
    String first = manager.chooseServerAlias("EC", null, null);
    X509Certificate firstCertificate = manager.getCertificateChain(first)[0];

    clock.advance(TestLocalCa.LIFETIME.multipliedBy(2).dividedBy(3));
    String second = manager.chooseEngineServerAlias("EC", null, null);

    assertThat(second).isNotEqualTo(first);
    assertThat(issued).hasValue(2);
    X509Certificate renewed = manager.getCertificateChain(second)[0];
    assertThat(renewed.getNotAfter()).isAfter(firstCertificate.getNotAfter());
    assertThat(Certificates.keyMatches(manager.getPrivateKey(second), renewed)).isTrue();
    assertThat(manager.getCertificateChain(first)[0])
        .as("a handshake that chose the old alias still completes")
        .isEqualTo(firstCertificate);
    assertThat(Certificates.keyMatches(manager.getPrivateKey(first), firstCertificate)).isTrue();
  }

  @Test
  void chooseServerAlias_manyHandshakesWhenDue_renewOnce() throws Exception {
    var manager = RenewingServerKeyManager.renewing(source(ca(clock)), clock);
    clock.advance(TestLocalCa.LIFETIME);
    int handshakes = 16;
    var start = new CountDownLatch(1);
    List<Future<String>> aliases = new ArrayList<>();
    try (var executor = Executors.newFixedThreadPool(handshakes)) {
      for (int i = 0; i < handshakes; i++) {
        Callable<String> handshake =
            () -> {
              start.await();
              return manager.chooseServerAlias("EC", null, null);
            };
        aliases.add(executor.submit(handshake));
      }
      start.countDown();
      for (var alias : aliases) {
        assertThat(manager.getCertificateChain(alias.get())).isNotNull();
      }
    }
    assertThat(issued).hasValue(2);
  }

  @Test
  void chooseServerAlias_renewalFails_keepsServingAndRetriesAfterAMinute() {
    LocalCertificateAuthority ca = ca(clock);
    var failing = new AtomicInteger();
    Supplier<ServerCredential> flaky =
        () -> {
          if (issued.get() >= 1 && failing.getAndIncrement() < 2) {
            throw new InfrastructureException("step-ca is unreachable", true);
          }
          return source(ca).get();
        };
    var manager = RenewingServerKeyManager.renewing(flaky, clock);
    String first = manager.chooseServerAlias("EC", null, null);
    clock.advance(TestLocalCa.LIFETIME.multipliedBy(2).dividedBy(3));

    assertThat(manager.chooseServerAlias("EC", null, null)).isEqualTo(first);
    assertThat(manager.lastFailure()).contains("step-ca is unreachable");
    clock.advance(RenewingServerKeyManager.RETRY_AFTER_FAILURE.minusSeconds(1));
    assertThat(manager.chooseServerAlias("EC", null, null)).isEqualTo(first);
    assertThat(failing).as("no retry within the minute").hasValue(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(manager.chooseServerAlias("EC", null, null)).isEqualTo(first);
    assertThat(failing).hasValue(2);
    clock.advance(RenewingServerKeyManager.RETRY_AFTER_FAILURE);
    assertThat(manager.chooseServerAlias("EC", null, null)).isNotEqualTo(first);
    assertThat(manager.lastFailure()).isEmpty();
  }

  @Test
  void renewing_firstIssueFails_throws() {
    assertThatThrownBy(
            () ->
                RenewingServerKeyManager.renewing(
                    () -> {
                      throw new InfrastructureException("the CA refused", false);
                    },
                    clock))
        .isInstanceOf(InfrastructureException.class)
        .hasMessage("the CA refused");
  }

  @Test
  void fixed_pastItsLifetime_isNeverReplaced() {
    var credential = source(ca(clock)).get();
    var manager = RenewingServerKeyManager.fixed(credential, clock);
    String alias = manager.chooseServerAlias("EC", null, null);

    clock.advance(TestLocalCa.LIFETIME.multipliedBy(2));

    assertThat(manager.chooseServerAlias("EC", null, null)).isEqualTo(alias);
    assertThat(manager.getPrivateKey(alias)).isEqualTo(credential.key());
  }

  @Test
  void aliases_otherKeyTypeOrUnknownAliasOrClientSide_areNone() {
    var manager = RenewingServerKeyManager.renewing(source(ca(clock)), clock);

    assertThat(manager.chooseServerAlias("RSA", null, null)).isNull();
    assertThat(manager.getServerAliases("RSA", null)).isNull();
    assertThat(manager.getCertificateChain("unknown")).isNull();
    assertThat(manager.getPrivateKey("unknown")).isNull();
    assertThat(manager.chooseClientAlias(new String[] {"EC"}, null, null)).isNull();
    assertThat(manager.getClientAliases("EC", null)).isNull();
  }

  @Test
  void handshake_clientTrustingOnlyTheRootAndCheckingTheHost_succeeds() throws Exception {
    LocalCertificateAuthority ca = ca(InstantSource.system());
    var manager = RenewingServerKeyManager.renewing(source(ca), InstantSource.system());

    X509Certificate presented = handshake(manager, ca.root(), "127.0.0.1");

    assertThat(presented).isEqualTo(manager.currentCertificate());
  }

  @Test
  void handshake_certificateForAnotherHost_isRefusedByTheClient() throws Exception {
    LocalCertificateAuthority ca = ca(InstantSource.system());
    ServerName elsewhere = ServerName.of(URI.create("https://gateway.example"));
    var manager =
        RenewingServerKeyManager.renewing(
            () -> ServerCredentials.issue(ca, elsewhere, new SecureRandom()),
            InstantSource.system());

    assertThatThrownBy(() -> handshake(manager, ca.root(), "127.0.0.1"))
        .isInstanceOf(SSLHandshakeException.class);
  }

  private LocalCertificateAuthority ca(InstantSource clock) {
    return TestLocalCa.open(dir, clock, new InMemoryRevokedCertificateRepository());
  }

  private Supplier<ServerCredential> source(LocalCertificateAuthority ca) {
    return () -> {
      issued.incrementAndGet();
      return ServerCredentials.issue(ca, LOOPBACK, new SecureRandom());
    };
  }

  /** A TLS handshake over loopback; the client verifies the chain and the host name. */
  private static X509Certificate handshake(KeyManager server, X509Certificate root, String host)
      throws Exception {
    var serverContext = SSLContext.getInstance("TLS");
    serverContext.init(new KeyManager[] {server}, null, null);
    var trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("root", root);
    var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    var clientContext = SSLContext.getInstance("TLS");
    clientContext.init(null, trustManagers.getTrustManagers(), null);
    try (var listener =
        (SSLServerSocket)
            serverContext
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (var accepted = (SSLSocket) listener.accept()) {
                      accepted.startHandshake();
                    } catch (IOException e) {
                      // the client's verdict is what the test asserts
                    }
                  });
      try (var client =
          (SSLSocket)
              clientContext.getSocketFactory().createSocket(host, listener.getLocalPort())) {
        var parameters = client.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(parameters);
        client.startHandshake();
        return (X509Certificate) client.getSession().getPeerCertificates()[0];
      } finally {
        acceptor.join(Duration.ofSeconds(5));
      }
    }
  }
}
