package dev.mosaic.federation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.ClientKeyMaterial;
import dev.mosaic.federation.application.port.out.IssuedCertificate;
import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.bootstrap.FakeGateway.Run;
import dev.mosaic.federation.bootstrap.config.ConfigFixtures;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkCertificate;
import dev.mosaic.federation.domain.link.LinkId;
import dev.mosaic.federation.domain.link.LinkState;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mosaic federation renew} and {@code mosaic federation status} (SPEC §10, AC-10). */
class RenewAndStatusCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final URI WORK = URI.create("https://work.example:8443");
  private static final String RENEW = "/api/federation/v1/renew";

  @TempDir Path dir;
  Path config;
  final FakeGateway gateway = new FakeGateway();
  final User alice = User.of(new UserId(UUID.randomUUID()), "alice");
  final User bob = User.of(new UserId(UUID.randomUUID()), "bob");
  final GrantId grant = new GrantId(UUID.randomUUID());
  final UserId subject = new UserId(UUID.randomUUID());
  Link link;

  @BeforeEach
  void setUp() throws IOException {
    config = Files.writeString(dir.resolve("mosaic.yaml"), ConfigFixtures.FEDERATED_LOCAL_CA);
    gateway.stores.users().addUser(alice);
    gateway.stores.users().addUser(bob);
    link = link(alice, "work");
    gateway.network.addGateway(WORK, gateway.ca.rootFingerprint());
    gateway.network.route(
        WORK, "POST", RENEW, request -> issue((String) request.body().orElseThrow().get("csr")));
  }

  private Link link(User owner, String name) {
    ClientKeyMaterial key = gateway.keys.generate(PeerName.parse("home.example"));
    IssuedCertificate certificate = issueCertificate(key.csr().pem());
    Link created =
        Link.create(
            new LinkId(UUID.randomUUID()),
            owner.id(),
            PeerName.parse(name),
            WORK,
            grant,
            subject,
            gateway.ca.rootFingerprint(),
            new LinkCertificate(
                certificate.pem(),
                certificate.chainPem(),
                certificate.fingerprint(),
                certificate.notAfter(),
                gateway.sealer.seal(key.privateKeyPkcs8())),
            gateway.clock.instant());
    gateway.stores.links().insert(created);
    return created;
  }

  private IssuedCertificate issueCertificate(String csr) {
    return gateway.ca.issueClientCertificate(
        new ClientCertificateRequest(
            new CertificateSigningRequest(csr), PeerName.parse("home.example"), grant, subject));
  }

  private PeerReply issue(String csr) {
    IssuedCertificate certificate = issueCertificate(csr);
    return new PeerReply.Answered(
        200,
        Map.of("content-type", "application/json"),
        Map.of("certificate", certificate.pem(), "chain", certificate.chainPem()));
  }

  private void answerRenewal(int status, String code) {
    gateway.network.answer(
        WORK, "POST", RENEW, status, Map.of("error", Map.of("code", code, "message", code)));
  }

  private Link stored() {
    return gateway.stores.links().findById(link.id()).orElseThrow();
  }

  @Test
  void renew_printsTheNewFingerprintAndExpiry_andStatusShowsIt() throws Exception {
    gateway.clock.advance(Duration.ofDays(1));

    Run run = mosaic("federation", "renew", "work");

    assertThat(run.code()).as(run.err()).isZero();
    Link renewed = stored();
    assertThat(renewed.certificate().fingerprint()).isNotEqualTo(link.certificate().fingerprint());
    assertThat(run.out())
        .isEqualTo(
            "renewed work (alice): certificate sha256:"
                + renewed.certificate().fingerprint().hex()
                + ", valid until "
                + renewed.certificate().notAfter()
                + "\n");
    JsonNode status = JSON.readTree(mosaic("federation", "status", "--json").out());
    assertThat(status.get("links").get(0).get("certificateFingerprint").asText())
        .isEqualTo("sha256:" + renewed.certificate().fingerprint().hex());
    assertThat(status.get("links").get(0).get("state").asText()).isEqualTo("active");
  }

  @Test
  void renew_sameNameAtTwoUsers_needsLocalUser_exit2_thenRenewsThatUsersLink() {
    Link bobs = link(bob, "work");

    Run ambiguous = mosaic("federation", "renew", "work");
    Run named = mosaic("federation", "renew", "work", "--local-user", "bob");

    assertThat(ambiguous.code()).isEqualTo(2);
    assertThat(ambiguous.err()).contains("alice, bob").contains("--local-user");
    assertThat(named.code()).isZero();
    assertThat(stored().certificate()).isEqualTo(link.certificate());
    assertThat(gateway.stores.links().findById(bobs.id()).orElseThrow().certificate())
        .isNotEqualTo(bobs.certificate());
  }

  @Test
  void renew_unknownPeerOrUser_exits3() {
    Run unknownPeer = mosaic("federation", "renew", "lab");
    Run unknownUser = mosaic("federation", "renew", "work", "--local-user", "nobody");
    Run otherUsersLink = mosaic("federation", "renew", "work", "--local-user", "bob");

    assertThat(unknownPeer.code()).isEqualTo(3);
    assertThat(unknownPeer.err()).isEqualTo("mosaic: no link named 'lab'\n");
    assertThat(unknownUser.code()).isEqualTo(3);
    assertThat(otherUsersLink.code()).isEqualTo(3);
    assertThat(otherUsersLink.err()).isEqualTo("mosaic: bob has no link named 'work'\n");
  }

  @Test
  void renew_grantRevoked_exits4AndTheLinkIsRevokedForGood() {
    answerRenewal(403, "grant_revoked");

    Run revoked = mosaic("federation", "renew", "work");
    Run again = mosaic("federation", "renew", "work");

    assertThat(revoked.code()).isEqualTo(4);
    assertThat(revoked.err()).contains("the grant at work has been revoked");
    assertThat(stored().state()).isEqualTo(LinkState.REVOKED);
    assertThat(again.code()).isEqualTo(4);
  }

  @Test
  void renew_caDownOrPeerOffline_exits5_linkDegradedAndVisibleInStatus() throws Exception {
    answerRenewal(503, "unavailable");

    Run caDown = mosaic("federation", "renew", "work");

    assertThat(caDown.code()).isEqualTo(5);
    assertThat(caDown.err()).contains("renewal of work failed").contains("503");
    assertThat(stored().state()).isEqualTo(LinkState.DEGRADED);
    assertThat(stored().certificate()).isEqualTo(link.certificate());

    gateway.network.setOffline(WORK, true);
    Run offline = mosaic("federation", "renew", "work");
    assertThat(offline.code()).isEqualTo(5);
    assertThat(offline.err()).contains("unreachable");

    Run status = mosaic("federation", "status");
    assertThat(status.out())
        .contains("work (alice): degraded — renewal failed: unreachable")
        .contains("last failure  " + gateway.clock.instant());
  }

  @Test
  void status_text_showsEveryFieldOfSpec8() {
    gateway.clock.advance(Duration.ofDays(3));
    gateway.health.recordSuccess(
        link.id(), gateway.clock.instant(), Optional.of(Duration.ofMillis(1500)));

    Run run = mosaic("federation", "status", "--local-user", "alice");

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("work (alice): active")
        .contains("endpoint      " + WORK)
        .contains("grant         " + grant + " (active)")
        .contains("certificate   sha256:" + link.certificate().fingerprint().hex())
        .contains("expires       " + link.certificate().notAfter() + " (27 days left)")
        .contains("next renewal  " + link.certificate().notAfter().minus(Duration.ofDays(7)))
        .contains("last success  " + gateway.clock.instant())
        .contains("last failure  never")
        .contains("circuit       closed")
        .contains("rate limited  no")
        .contains("clock skew    +1.5 s");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void status_skewAboveFiveMinutes_warnsOnStderr_unknownUser_exits3() throws Exception {
    gateway.health.recordSuccess(
        link.id(), gateway.clock.instant(), Optional.of(Duration.ofMinutes(7)));

    Run run = mosaic("federation", "status", "--json");
    Run unknown = mosaic("federation", "status", "--local-user", "nobody");

    assertThat(JSON.readTree(run.out()).get("links").get(0).get("clockSkewWarning").asBoolean())
        .isTrue();
    assertThat(run.err()).startsWith("warning: the clock of work differs").contains("+420.0 s");
    assertThat(unknown.code()).isEqualTo(3);
  }

  @Test
  void status_withoutLinks_saysSo() {
    gateway.stores.links().delete(link.id());

    assertThat(mosaic("federation", "status").out()).isEqualTo("no links\n");
  }

  Run mosaic(String... args) {
    return gateway.run(config, args);
  }
}
