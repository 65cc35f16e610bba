package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.InMemoryLinkHealthRepository;
import dev.mosaic.federation.application.fake.InMemoryPeerTransport;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.domain.fixtures.LinkFixtures;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkHealth;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackoffPeerTransportTest {
  static final URI WORK = URI.create("https://work.example:8443");
  static final String LIST = "/api/federation/v1/list/tasks";
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  final MutableInstantSource clock = new MutableInstantSource(START);
  final InMemoryPeerTransport network = new InMemoryPeerTransport();
  final InMemoryLinkHealthRepository health = new InMemoryLinkHealthRepository();
  final BackoffPeerTransport transport = new BackoffPeerTransport(network, health, clock);
  final Link link = LinkFixtures.aLink().toPeer("work").atEndpoint(WORK).build();
  final Deque<PeerReply> answers = new ArrayDeque<>();

  @BeforeEach
  void workAnswersFromAScript() {
    network.addGateway(WORK, link.pinnedCaFingerprint());
    network.route(WORK, "POST", LIST, request -> answers.isEmpty() ? ok() : answers.poll());
  }

  @Test
  void send_after429_sendsNothingDuringTheWait_andAnswersRateLimitedWithTheRemainingWait() {
    answers.add(limited(1500, null));

    PeerReply first = send();
    clock.advance(Duration.ofMillis(400));
    PeerReply during = send();
    clock.advance(Duration.ofMillis(1099));
    PeerReply lastMoment = send();

    assertThat(first)
        .isInstanceOfSatisfying(
            PeerReply.Answered.class, a -> assertThat(a.statusCode()).isEqualTo(429));
    assertThat(network.received()).hasSize(1);
    assertThat(during)
        .isInstanceOfSatisfying(
            PeerReply.Answered.class,
            a -> {
              assertThat(a.statusCode()).isEqualTo(429);
              assertThat(a.header("retry-after")).contains("2");
              assertThat(error(a))
                  .containsEntry("code", "rate_limited")
                  .containsEntry("retryAfterMs", 1100L);
            });
    assertThat(lastMoment)
        .isInstanceOfSatisfying(
            PeerReply.Answered.class, a -> assertThat(error(a)).containsEntry("retryAfterMs", 1L));
  }

  @Test
  void send_onceTheWaitHasPassed_sendsAgain() {
    answers.add(limited(1500, null));
    send();

    clock.advance(Duration.ofMillis(1500));
    PeerReply after = send();

    assertThat(network.received()).hasSize(2);
    assertThat(after)
        .isInstanceOfSatisfying(
            PeerReply.Answered.class, a -> assertThat(a.statusCode()).isEqualTo(200));
  }

  @Test
  void send_429WithOnlyRetryAfterHeader_waitsThoseSeconds_andRecordsRateLimitedUntil() {
    answers.add(limited(null, "3"));

    send();
    clock.advance(Duration.ofMillis(2999));
    send();
    int duringWait = network.received().size();
    clock.advance(Duration.ofMillis(1));
    send();

    assertThat(duringWait).isEqualTo(1);
    assertThat(network.received()).hasSize(2);
    assertThat(health.find(link.id()).flatMap(LinkHealth::rateLimitedUntil))
        .contains(START.plusSeconds(3));
  }

  @Test
  void send_otherLinksAndAnonymousCalls_areNotHeldBack() {
    URI home = URI.create("https://home.example:8443");
    Link other = LinkFixtures.aLink().toPeer("home").atEndpoint(home).build();
    network.addGateway(home, other.pinnedCaFingerprint());
    network.route(home, "POST", LIST, request -> ok());
    answers.add(limited(60_000, null));
    send();

    PeerReply viaOther = transport.send(other, PeerRequest.post(LIST, Map.of()));
    PeerReply anonymous =
        transport.sendAnonymous(WORK, link.pinnedCaFingerprint(), PeerRequest.post(LIST, Map.of()));

    assertThat(List.of(viaOther, anonymous))
        .allSatisfy(
            r ->
                assertThat(r)
                    .isInstanceOfSatisfying(
                        PeerReply.Answered.class, a -> assertThat(a.statusCode()).isEqualTo(200)));
    assertThat(network.received()).hasSize(3);
  }

  @Test
  void send_429WithoutAnyWait_doesNotHoldBack() {
    answers.add(
        new PeerReply.Answered(
            429, Map.of(), Map.of("error", Map.of("code", "rate_limited", "message", "slow"))));

    send();
    PeerReply next = send();

    assertThat(network.received()).hasSize(2);
    assertThat(next)
        .isInstanceOfSatisfying(
            PeerReply.Answered.class, a -> assertThat(a.statusCode()).isEqualTo(200));
  }

  private PeerReply send() {
    return transport.send(link, PeerRequest.post(LIST, Map.of()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> error(PeerReply.Answered answered) {
    return (Map<String, Object>) ((Map<String, Object>) answered.body()).get("error");
  }

  private static PeerReply ok() {
    return new PeerReply.Answered(200, Map.of(), Map.of("items", List.of()));
  }

  private static PeerReply limited(Integer retryAfterMs, String retryAfterHeader) {
    Map<String, Object> error =
        retryAfterMs == null
            ? Map.of("code", "rate_limited", "message", "slow down")
            : Map.of("code", "rate_limited", "message", "slow down", "retryAfterMs", retryAfterMs);
    return new PeerReply.Answered(
        429,
        retryAfterHeader == null ? Map.of() : Map.of("retry-after", retryAfterHeader),
        Map.of("error", error));
  }
}
