package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.contract.PeerTransportContract;
import dev.mosaic.federation.application.fake.InMemoryKeySealer;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentResult;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.application.port.out.TransportFailure;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkTransition;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import javax.net.ssl.X509ExtendedKeyManager;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class OkHttpPeerTransportTest extends PeerTransportContract {
  private static final HttpSettings SETTINGS =
      new HttpSettings("127.0.0.1", 0, 10, Duration.ofSeconds(2), Duration.ofSeconds(5));

  private static Function<KeySealer, PeerTransport> transport(HttpSettings settings) {
    return sealer -> new OkHttpPeerTransport(settings, sealer);
  }

  @Override
  protected StubPeer createStubPeer() {
    return JettyStubPeer.standard(new InMemoryKeySealer(), transport(SETTINGS));
  }

  private JettyStubPeer stub() {
    return (JettyStubPeer) peer;
  }

  /** A second stub whose server presents {@code keyManager}, closed by the caller. */
  private static JettyStubPeer stubPresenting(
      TestPki pki, Function<TestPki, X509ExtendedKeyManager> keyManager) {
    return new JettyStubPeer(
        pki, keyManager.apply(pki), new InMemoryKeySealer(), transport(SETTINGS));
  }

  private static PeerReply anonymousCa(JettyStubPeer to) {
    return to.transport()
        .sendAnonymous(to.gatewayUrl(), to.caRootPin(), PeerRequest.get("/api/federation/ca"));
  }

  private static void assertUntrusted(PeerReply reply, String detail) {
    assertThat(reply)
        .isInstanceOfSatisfying(
            PeerReply.Failed.class,
            failed -> {
              assertThat(failed.failure()).isEqualTo(TransportFailure.SERVER_UNTRUSTED);
              assertThat(failed.detail()).contains(detail);
            });
  }

  @Test
  void sendAnonymous_serverCertificateForAnotherHost_failsUntrustedWithoutSending() {
    TestPki pki = TestPki.create("OtherHost");
    try (JettyStubPeer other =
        stubPresenting(pki, p -> p.keyManagerWithRoot(p.server("10.9.8.7", "work.example")))) {
      assertUntrusted(anonymousCa(other), "not valid for host 127.0.0.1");
      assertThat(other.lastRequest()).isEmpty();
    }
  }

  @Test
  void sendAnonymous_serverCertificateForClientAuthOnly_failsUntrusted() {
    TestPki pki = TestPki.create("ClientAuthServer");
    try (JettyStubPeer other =
        stubPresenting(
            pki,
            p ->
                p.keyManagerWithRoot(
                    p.leaf(TestPki.Usage.CLIENT_AUTH, Duration.ofHours(1), "127.0.0.1")))) {
      assertUntrusted(anonymousCa(other), "serverAuth");
      assertThat(other.lastRequest()).isEmpty();
    }
  }

  @Test
  void sendAnonymous_serverWithholdingTheRoot_failsUntrusted() {
    TestPki pki = TestPki.create("NoRoot");
    try (JettyStubPeer other = stubPresenting(pki, p -> p.keyManager(p.server("127.0.0.1")))) {
      assertUntrusted(anonymousCa(other), "does not contain the pinned CA root");
      assertThat(other.lastRequest()).isEmpty();
    }
  }

  @Test
  void sendAnonymous_expiredServerCertificate_failsUntrusted() {
    TestPki pki = TestPki.create("Expired");
    try (JettyStubPeer other =
        stubPresenting(
            pki,
            p ->
                p.keyManagerWithRoot(
                    p.leaf(TestPki.Usage.SERVER_AUTH, Duration.ofMinutes(-1), "127.0.0.1")))) {
      assertUntrusted(anonymousCa(other), "does not validate under the pinned root");
    }
  }

  @Test
  void sendAnonymous_plainHttpUrl_isRefusedWithoutConnecting() {
    PeerReply reply =
        peer.transport()
            .sendAnonymous(
                URI.create("http://127.0.0.1:" + stub().port()),
                peer.caRootPin(),
                PeerRequest.get("/api/federation/ca"));

    assertUntrusted(reply, "only https");
    assertThat(peer.lastRequest()).isEmpty();
  }

  @Test
  void sendAnonymous_presentsNoClientCertificate() {
    peer.answer("GET", "/api/federation/ca", 200, Map.of("ok", true));

    anonymousCa(stub());

    assertThat(stub().lastSeen().orElseThrow().clientCertificate()).isEmpty();
  }

  @Test
  void send_presentsTheLinksClientCertificate() {
    HeldCertificate client = stub().pki.client("home.example");
    Link link = stub().linkWith(client);
    peer.answer("GET", "/api/federation/v1/capabilities", 200, Map.of("grantId", "g"));

    PeerReply reply =
        peer.transport().send(link, PeerRequest.get("/api/federation/v1/capabilities"));

    assertThat(reply).isInstanceOf(PeerReply.Answered.class);
    assertThat(stub().lastSeen().orElseThrow().clientCertificate()).contains(client.certificate());
  }

  @Test
  void send_twice_reusesThePooledConnection() {
    peer.answer("GET", "/api/federation/v1/capabilities", 200, Map.of());
    Link link = peer.aLink();

    peer.transport().send(link, PeerRequest.get("/api/federation/v1/capabilities"));
    String first = stub().lastSeen().orElseThrow().connection();
    peer.transport().send(link, PeerRequest.get("/api/federation/v1/capabilities"));
    String second = stub().lastSeen().orElseThrow().connection();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void send_renewedCertificate_presentsTheNewOne() {
    peer.answer("GET", "/api/federation/v1/capabilities", 200, Map.of());
    Link link = peer.aLink();
    peer.transport().send(link, PeerRequest.get("/api/federation/v1/capabilities"));
    HeldCertificate renewed = stub().pki.client("home.example");
    LinkTransition renewal =
        link.replaceCertificate(stub().linkWith(renewed).certificate(), Listener.T0);
    assertThat(renewal).isInstanceOf(LinkTransition.Applied.class);

    peer.transport()
        .send(
            ((LinkTransition.Applied) renewal).link(),
            PeerRequest.get("/api/federation/v1/capabilities"));

    assertThat(stub().lastSeen().orElseThrow().clientCertificate()).contains(renewed.certificate());
  }

  @Test
  void send_acrossARenewal_inFlightFinishesOnTheOldCertificateAndNoNewRequestReusesItsConnection()
      throws Exception {
    String path = "/api/federation/v1/capabilities";
    peer.answer("GET", path, 200, Map.of());
    OkHttpPeerTransport transport = (OkHttpPeerTransport) peer.transport();
    HeldCertificate old = stub().pki.client("home.example");
    Link before = stub().linkWith(old);
    transport.send(before, PeerRequest.get(path));
    String oldConnection = stub().lastSeen().orElseThrow().connection();
    HeldCertificate renewed =
        stub().pki.leaf(TestPki.Usage.CLIENT_AUTH, Duration.ofHours(2), "home.example");
    Link after =
        ((LinkTransition.Applied)
                before.replaceCertificate(
                    stub().linkWith(renewed).certificate(), Listener.T0.plusSeconds(1)))
            .link();

    // a request on the old certificate is in flight (held by the peer) when the swap happens
    java.util.concurrent.ExecutorService virtualThreads =
        java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    CountDownLatch release = stub().stallAnswers();
    java.util.concurrent.CompletableFuture<PeerReply> inFlight =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> transport.send(before, PeerRequest.get(path)), virtualThreads);
    awaitSeen(old, oldConnection);
    java.util.concurrent.CompletableFuture<PeerReply> first =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> transport.send(after, PeerRequest.get(path)), virtualThreads);
    JettyStubPeer.Seen seenNew = awaitSeen(renewed, null);
    release.countDown();

    assertThat(inFlight.get(10, java.util.concurrent.TimeUnit.SECONDS))
        .isInstanceOfSatisfying(
            PeerReply.Answered.class, a -> assertThat(a.statusCode()).isEqualTo(200));
    assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS))
        .isInstanceOf(PeerReply.Answered.class);
    assertThat(seenNew.connection()).isNotEqualTo(oldConnection);
    for (int i = 0; i < 3; i++) {
      transport.send(after, PeerRequest.get(path));
      JettyStubPeer.Seen seen = stub().lastSeen().orElseThrow();
      assertThat(seen.connection()).isNotEqualTo(oldConnection);
      assertThat(seen.clientCertificate()).contains(renewed.certificate());
    }
    // the old client was retired and, once its in-flight request was done, dropped
    assertThat(transport.clientsHeld()).isEqualTo(1);
    virtualThreads.close();
  }

  @Test
  void send_linkReadBeforeTheSwap_usesAOneOffClientAndKeepsTheNewOne() {
    String path = "/api/federation/v1/capabilities";
    peer.answer("GET", path, 200, Map.of());
    OkHttpPeerTransport transport = (OkHttpPeerTransport) peer.transport();
    HeldCertificate old = stub().pki.client("home.example");
    Link before = stub().linkWith(old);
    HeldCertificate renewed =
        stub().pki.leaf(TestPki.Usage.CLIENT_AUTH, Duration.ofHours(2), "home.example");
    Link after =
        ((LinkTransition.Applied)
                before.replaceCertificate(stub().linkWith(renewed).certificate(), Listener.T0))
            .link();
    transport.send(after, PeerRequest.get(path));
    String newConnection = stub().lastSeen().orElseThrow().connection();

    transport.send(before, PeerRequest.get(path));
    assertThat(stub().lastSeen().orElseThrow().clientCertificate()).contains(old.certificate());
    transport.send(after, PeerRequest.get(path));

    assertThat(stub().lastSeen().orElseThrow().connection()).isEqualTo(newConnection);
    assertThat(transport.clientsHeld()).isEqualTo(1);
  }

  private JettyStubPeer.Seen awaitSeen(HeldCertificate certificate, String connection)
      throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      var seen = stub().lastSeen();
      if (seen.isPresent()
          && seen.get().clientCertificate().filter(certificate.certificate()::equals).isPresent()
          && (connection == null || seen.get().connection().equals(connection))) {
        return seen.get();
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the peer never saw the expected request");
  }

  @Test
  void send_linkPinnedToAnotherRoot_failsUntrusted() {
    TestPki stranger = TestPki.create("Stranger");
    Link link = peer.aLink();
    Link pinnedElsewhere =
        Link.rehydrate(
            link.id(),
            link.localUserId(),
            link.peerName(),
            link.endpoint(),
            link.grantId(),
            link.remoteSubjectUserId(),
            stranger.rootPin(),
            link.certificate(),
            link.state(),
            link.stateReason(),
            link.createdAt(),
            link.updatedAt());

    PeerReply reply =
        peer.transport().send(pinnedElsewhere, PeerRequest.get("/api/federation/v1/capabilities"));

    assertUntrusted(reply, "pinned CA root");
    assertThat(peer.lastRequest()).isEmpty();
  }

  @Test
  void send_keySealedUnderAnotherKey_throwsInfrastructureExceptionWithoutKeyMaterial() {
    Link link = peer.aLink();
    PeerTransport otherKey = new OkHttpPeerTransport(SETTINGS, new InMemoryKeySealer());

    assertThatThrownBy(
            () -> otherKey.send(link, PeerRequest.get("/api/federation/v1/capabilities")))
        .isInstanceOf(InfrastructureException.class)
        .hasMessageContaining("cannot be opened with the configured sealing key")
        .hasMessageContaining(link.id().toString());
  }

  @Test
  void send_noAnswerWithinTheRequestTimeout_failsAsTimeout() {
    HttpSettings quick =
        new HttpSettings("127.0.0.1", 0, 10, Duration.ofSeconds(2), Duration.ofMillis(300));
    TestPki pki = TestPki.create("Slow");
    try (JettyStubPeer slow =
        new JettyStubPeer(
            pki,
            pki.keyManagerWithRoot(pki.server("127.0.0.1")),
            new InMemoryKeySealer(),
            transport(quick))) {
      CountDownLatch release = slow.stallAnswers();

      PeerReply reply =
          slow.transport().send(slow.aLink(), PeerRequest.get("/api/federation/v1/capabilities"));
      release.countDown();

      assertThat(reply)
          .isInstanceOfSatisfying(
              PeerReply.Failed.class,
              f -> assertThat(f.failure()).isEqualTo(TransportFailure.TIMEOUT));
    }
  }

  @Test
  void send_answerHeaders_areLowerCasedAndFoundByAnyCase() {
    PeerReply reply =
        peer.transport().send(peer.aLink(), PeerRequest.get("/api/federation/v1/unrouted"));

    assertThat(reply)
        .isInstanceOfSatisfying(
            PeerReply.Answered.class,
            a -> {
              assertThat(a.statusCode()).isEqualTo(404);
              assertThat(a.headers()).containsKey("content-type");
              assertThat(a.header("Content-Type")).contains("application/json");
            });
  }

  @Test
  void sendAnonymous_againstTheRealListener_fetchesTheRootUnderThePin() {
    try (Listener listener = new Listener()) {
      listener.redeem.answer(new RedeemEnrollmentResult.Gone("the token was used"));
      PeerTransport transport = new OkHttpPeerTransport(SETTINGS, new InMemoryKeySealer());
      URI gateway = URI.create("https://127.0.0.1:" + listener.server.port());

      PeerReply ca =
          transport.sendAnonymous(
              gateway, listener.pki.rootPin(), PeerRequest.get("/api/federation/ca"));
      PeerReply enrollment =
          transport.sendAnonymous(
              gateway,
              listener.pki.rootPin(),
              PeerRequest.post("/api/federation/enrollment", Map.of("token", "t", "csr", "c")));

      assertThat(ca)
          .isInstanceOfSatisfying(
              PeerReply.Answered.class,
              a -> {
                assertThat(a.statusCode()).isEqualTo(200);
                assertThat(a.body()).isEqualTo(listener.pki.root().certificatePem());
                assertThat(a.header("x-request-id")).isPresent();
              });
      assertThat(enrollment)
          .isInstanceOfSatisfying(
              PeerReply.Answered.class,
              a -> {
                assertThat(a.statusCode()).isEqualTo(410);
                assertThat(a.body())
                    .isEqualTo(
                        Map.of(
                            "error",
                            Map.of(
                                "code",
                                "gone",
                                "message",
                                "the token was used",
                                "requestId",
                                a.header("x-request-id").orElseThrow())));
              });
    }
  }
}
