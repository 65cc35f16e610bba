package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.application.port.out.TransportFailure;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.link.Link;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PeerTransport} against a stub peer gateway that the implementation's test provides (for
 * the HTTP adapter: a real Jetty with TLS and a CA minted in the test).
 */
public abstract class PeerTransportContract {
  /** A stub peer gateway and a transport that can reach it. */
  public interface StubPeer extends AutoCloseable {
    PeerTransport transport();

    /** The gateway's base URL, e.g. {@code https://127.0.0.1:port}. */
    URI gatewayUrl();

    /** The SHA-256 fingerprint of the gateway's CA root. */
    dev.mosaic.federation.domain.pki.CertificateFingerprint caRootPin();

    /** A link to this gateway whose client certificate the gateway accepts. */
    Link aLink();

    /** The gateway answers {@code method path} with {@code status} and the JSON {@code body}. */
    void answer(String method, String path, int status, Map<String, Object> body);

    /** The last request the gateway received, as (method, path, JSON body, headers). */
    Optional<PeerRequest> lastRequest();

    /** The gateway stops listening. */
    void goOffline();

    @Override
    void close();
  }

  protected StubPeer peer;

  protected abstract StubPeer createStubPeer();

  @BeforeEach
  void setUpPeerTransportContract() {
    peer = createStubPeer();
  }

  @AfterEach
  void tearDownPeerTransportContract() {
    peer.close();
  }

  @Test
  void send_post_deliversBodyAndHeaderAndReturnsParsedAnswer() {
    Map<String, Object> answer = Map.of("items", List.of(Map.of("id", "1", "title", "t")));
    peer.answer("POST", "/api/federation/v1/list/tasks", 200, answer);
    PeerRequest request =
        PeerRequest.post("/api/federation/v1/list/tasks", Map.of("limit", 5))
            .withHeader("X-Request-Id", "abc");

    PeerReply reply = peer.transport().send(peer.aLink(), request);

    assertThat(reply).isInstanceOf(PeerReply.Answered.class);
    PeerReply.Answered answered = (PeerReply.Answered) reply;
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(answered.body()).isEqualTo(answer);
    PeerRequest received = peer.lastRequest().orElseThrow();
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.path()).isEqualTo("/api/federation/v1/list/tasks");
    assertThat(received.body()).contains(Map.of("limit", 5));
    assertThat(received.headers()).containsEntry("X-Request-Id", "abc");
  }

  @Test
  void send_errorStatus_isAnAnswerNotAFailure() {
    Map<String, Object> error =
        Map.of("error", Map.of("code", "grant_revoked", "message", "the grant has been revoked"));
    peer.answer("GET", "/api/federation/v1/capabilities", 403, error);

    PeerReply reply =
        peer.transport().send(peer.aLink(), PeerRequest.get("/api/federation/v1/capabilities"));

    assertThat(reply)
        .isInstanceOfSatisfying(
            PeerReply.Answered.class,
            a -> {
              assertThat(a.statusCode()).isEqualTo(403);
              assertThat(a.body()).isEqualTo(error);
            });
  }

  @Test
  void sendAnonymous_withThePin_reachesTheGateway() {
    peer.answer("POST", "/api/federation/enrollment", 410, Map.of("error", Map.of("code", "gone")));

    PeerReply reply =
        peer.transport()
            .sendAnonymous(
                peer.gatewayUrl(),
                peer.caRootPin(),
                PeerRequest.post("/api/federation/enrollment", Map.of("token", "t", "csr", "c")));

    assertThat(reply)
        .isInstanceOfSatisfying(
            PeerReply.Answered.class, a -> assertThat(a.statusCode()).isEqualTo(410));
  }

  @Test
  void sendAnonymous_withAnotherPin_failsAsUntrustedWithoutSending() {
    PeerReply reply =
        peer.transport()
            .sendAnonymous(
                peer.gatewayUrl(),
                CertificateFixtures.aFingerprint(),
                PeerRequest.post("/api/federation/enrollment", Map.of("token", "secret")));

    assertThat(reply)
        .isInstanceOfSatisfying(
            PeerReply.Failed.class,
            f -> assertThat(f.failure()).isEqualTo(TransportFailure.SERVER_UNTRUSTED));
    assertThat(peer.lastRequest()).isEmpty();
  }

  @Test
  void send_gatewayOffline_failsAsConnect() {
    peer.goOffline();

    PeerReply reply =
        peer.transport().send(peer.aLink(), PeerRequest.get("/api/federation/v1/capabilities"));

    assertThat(reply)
        .isInstanceOfSatisfying(
            PeerReply.Failed.class,
            f -> assertThat(f.failure()).isEqualTo(TransportFailure.CONNECT));
  }
}
