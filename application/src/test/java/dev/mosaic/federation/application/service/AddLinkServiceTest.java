package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.FakeCertificateReader;
import dev.mosaic.federation.application.fake.FakeClientKeyFactory;
import dev.mosaic.federation.application.fake.FakeCsrVerifier;
import dev.mosaic.federation.application.fake.FakePki;
import dev.mosaic.federation.application.fake.InMemoryCertificateAuthority;
import dev.mosaic.federation.application.fake.InMemoryKeySealer;
import dev.mosaic.federation.application.fake.InMemoryPeerTransport;
import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.port.in.AddLinkCommand;
import dev.mosaic.federation.application.port.in.AddLinkResult;
import dev.mosaic.federation.application.port.in.IssueEnrollmentTokenCommand;
import dev.mosaic.federation.application.port.in.IssueEnrollmentTokenResult;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentCommand;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentResult;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.domain.enrollment.EnrollmentToken;
import dev.mosaic.federation.domain.enrollment.EnrollmentUrl;
import dev.mosaic.federation.domain.enrollment.RawEnrollmentToken;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.GrantFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkState;
import dev.mosaic.federation.domain.peer.Peer;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The requesting side (home, A) against a simulated serving side (work, B) that runs the real
 * enrollment use cases on in-memory stores behind an {@link InMemoryPeerTransport}.
 */
class AddLinkServiceTest {
  private static final URI WORK = URI.create("https://work.example:8443");
  private static final String ENROLL = "POST " + EnrollmentUrl.PATH;

  private final MutableInstantSource clock = new MutableInstantSource(Times.T0);
  private final SequentialIdGenerator ids = new SequentialIdGenerator();

  // B, the serving side
  private final InMemoryStores work = new InMemoryStores();
  private final InMemoryCertificateAuthority workCa =
      new InMemoryCertificateAuthority(clock, Duration.ofDays(30));
  private final RedeemEnrollmentService redeem =
      new RedeemEnrollmentService(
          work.transactor(),
          work.tokens(),
          work.grants(),
          work.peers(),
          new FakeCsrVerifier(),
          workCa,
          work.audit(),
          ids,
          clock);
  private final IssueEnrollmentTokenService issueToken =
      new IssueEnrollmentTokenService(
          work.transactor(),
          work.grants(),
          work.tokens(),
          workCa,
          work.audit(),
          ids,
          clock,
          new SecureRandom());
  private final User employee = User.of(new UserId(UUID.randomUUID()), "alice");
  private final Peer homeAtWork =
      Peer.create(new PeerId(UUID.randomUUID()), PeerName.parse("home.example"), Times.T0);
  private final Grant grant =
      GrantFixtures.aPendingGrant().forPeer(homeAtWork.id()).forSubject(employee.id()).build();

  // A, the requesting side
  private final InMemoryStores home = new InMemoryStores();
  private final InMemoryPeerTransport network = new InMemoryPeerTransport();
  private final FakeClientKeyFactory keys = new FakeClientKeyFactory();
  private final InMemoryKeySealer sealer = new InMemoryKeySealer();
  private final User owner = User.of(new UserId(UUID.randomUUID()), "al");
  private final AddLinkService service =
      new AddLinkService(
          home.users(),
          home.links(),
          keys,
          network,
          new FakeCertificateReader(),
          sealer,
          new GatewayIdentity(
              PeerName.parse("home.example"), URI.create("https://home.example:8443")),
          ids,
          clock);

  AddLinkServiceTest() {
    work.users().addUser(employee);
    work.peers().insert(homeAtWork);
    work.grants().insert(grant);
    home.users().addUser(owner);
    network.addGateway(WORK, workCa.rootFingerprint());
    network.route(
        WORK,
        "GET",
        AddLinkService.CA_PATH,
        request ->
            new PeerReply.Answered(
                200,
                Map.of("content-type", "application/pem-certificate-chain"),
                workCa.rootCertificatePem()));
    network.route(WORK, "POST", EnrollmentUrl.PATH, this::serveEnrollment);
  }

  /** B's enrollment endpoint, as the HTTP adapter maps the use case's results. */
  private PeerReply serveEnrollment(PeerRequest request) {
    Map<String, Object> body = request.body().orElseThrow();
    RedeemEnrollmentResult result =
        redeem.redeem(
            new RedeemEnrollmentCommand(
                (String) body.get("token"),
                new CertificateSigningRequest((String) body.get("csr"))));
    return switch (result) {
      case RedeemEnrollmentResult.Enrolled enrolled ->
          json(
              200,
              Map.of(
                  "certificate", enrolled.certificate().certificatePem(),
                  "chain", enrolled.certificate().chainPem(),
                  "grantId", enrolled.grantId().toString(),
                  "peerId", enrolled.peerId().toString()));
      case RedeemEnrollmentResult.UnknownToken unknown -> error(404, "not_found", "unknown token");
      case RedeemEnrollmentResult.Gone gone -> error(410, "gone", gone.reason());
      case RedeemEnrollmentResult.InvalidCsr invalid ->
          error(400, "invalid_request", invalid.reason());
    };
  }

  private static PeerReply json(int status, Object body) {
    return new PeerReply.Answered(status, Map.of("content-type", "application/json"), body);
  }

  private static PeerReply error(int status, String code, String message) {
    return json(status, Map.of("error", Map.of("code", code, "message", message)));
  }

  private EnrollmentUrl enrollmentUrl() {
    IssueEnrollmentTokenResult result =
        issueToken.issue(IssueEnrollmentTokenCommand.of(grant.id()));
    return ((IssueEnrollmentTokenResult.Issued) result).enrollmentUrl(WORK);
  }

  private AddLinkResult add(EnrollmentUrl url) {
    return add(url.format(), Optional.empty());
  }

  private AddLinkResult add(String url, Optional<String> name) {
    return service.add(new AddLinkCommand(url, "al", name));
  }

  private boolean tokenWasSent() {
    return network.received().stream()
        .anyMatch(r -> (r.request().method() + " " + r.request().path()).equals(ENROLL));
  }

  private EnrollmentToken workToken(EnrollmentUrl url) {
    return work.tokens().findByHash(url.token().hash()).orElseThrow();
  }

  @Test
  void add_validUrl_storesAnActiveLinkForTheGrantWithSealedKeyAndPinnedCa() {
    EnrollmentUrl url = enrollmentUrl();

    AddLinkResult result = add(url);

    assertThat(result).isInstanceOf(AddLinkResult.Added.class);
    Link link = home.links().findAll().getFirst();
    assertThat(link.localUserId()).isEqualTo(owner.id());
    assertThat(link.peerName()).isEqualTo(PeerName.parse("work.example"));
    assertThat(link.endpoint()).isEqualTo(WORK);
    assertThat(link.grantId()).isEqualTo(grant.id());
    assertThat(link.remoteSubjectUserId()).isEqualTo(employee.id());
    assertThat(link.pinnedCaFingerprint()).isEqualTo(workCa.rootFingerprint());
    assertThat(link.state()).isEqualTo(LinkState.ACTIVE);
    assertThat(link.certificate().fingerprint())
        .isEqualTo(workCa.issued().getFirst().fingerprint());
    assertThat(((AddLinkResult.Added) result).link().id()).isEqualTo(link.id());
    assertThat(work.grants().findById(grant.id()).orElseThrow().status())
        .isEqualTo(GrantStatus.ACTIVE);
  }

  @Test
  void add_validUrl_sealsThePrivateKeyAndAsksForACsrWithTheOwnGatewayName() {
    add(enrollmentUrl());

    FakeClientKeyFactory.Generated generated = keys.generated().getFirst();
    assertThat(generated.commonName()).isEqualTo(PeerName.parse("home.example"));
    byte[] plaintext = generated.material().privateKeyPkcs8();
    byte[] stored = home.links().findAll().getFirst().certificate().sealedPrivateKey().ciphertext();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1))
        .doesNotContain(new String(plaintext, StandardCharsets.ISO_8859_1));
    assertThat(sealer.open(home.links().findAll().getFirst().certificate().sealedPrivateKey()))
        .hasValueSatisfying(opened -> assertThat(opened).isEqualTo(plaintext));
  }

  @Test
  void add_validUrl_fetchesTheCaRootBeforeSendingTheToken() {
    add(enrollmentUrl());

    assertThat(network.received())
        .extracting(r -> r.request().method() + " " + r.request().path())
        .containsExactly("GET " + AddLinkService.CA_PATH, ENROLL);
  }

  @Test
  void add_withName_storesTheLinkUnderThatName() {
    add(enrollmentUrl().format(), Optional.of("Work"));

    assertThat(home.links().findAll().getFirst().peerName()).isEqualTo(PeerName.parse("work"));
  }

  @Test
  void add_results_neverCarryTheToken() {
    EnrollmentUrl url = enrollmentUrl();
    String token = url.token().encode();

    AddLinkResult result = add(url);

    assertThat(result.toString()).doesNotContain(token);
    assertThat(new AddLinkCommand(url.format(), "al", Optional.empty()).toString())
        .doesNotContain(token);
  }

  @Test
  void add_wrongPin_abortsBeforeSendingTheToken() {
    EnrollmentUrl genuine = enrollmentUrl();
    EnrollmentUrl wrongPin =
        new EnrollmentUrl(
            genuine.enrollmentEndpoint(), genuine.token(), CertificateFixtures.aFingerprint());

    AddLinkResult result = add(wrongPin);

    assertThat(result).isInstanceOf(AddLinkResult.Untrusted.class);
    assertThat(((AddLinkResult.Untrusted) result).pin()).isEqualTo(wrongPin.caRootPin());
    assertThat(tokenWasSent()).isFalse();
    assertThat(workToken(genuine).usedAt()).isEmpty();
    assertThat(home.links().findAll()).isEmpty();
  }

  @Test
  void add_servedRootNotThePinnedOne_isPinMismatchAndSendsNoToken() {
    EnrollmentUrl url = enrollmentUrl();
    String otherRoot =
        FakePki.certificate(
            Map.of(
                "serial", "7",
                "cn", "Impostor Root",
                "ca", "true",
                "key", CertificateFixtures.aPublicKey().hex(),
                "notAfter", "2100-01-01T00:00:00Z"));
    network.answer(WORK, "GET", AddLinkService.CA_PATH, 200, otherRoot);

    AddLinkResult result = add(url);

    assertThat(result)
        .isEqualTo(
            new AddLinkResult.PinMismatch(WORK, url.caRootPin(), FakePki.fingerprint(otherRoot)));
    assertThat(tokenWasSent()).isFalse();
    assertThat(workToken(url).usedAt()).isEmpty();
    assertThat(home.links().findAll()).isEmpty();
  }

  @Test
  void add_unknownLocalUser_sendsNothing() {
    AddLinkResult result =
        service.add(new AddLinkCommand(enrollmentUrl().format(), "nobody", Optional.empty()));

    assertThat(result).isEqualTo(new AddLinkResult.UnknownLocalUser("nobody"));
    assertThat(network.received()).isEmpty();
  }

  @Test
  void add_deletedLocalUser_isUnknown() {
    home.users().markUserDeleted(owner.id(), Times.T0);

    assertThat(add(enrollmentUrl())).isEqualTo(new AddLinkResult.UnknownLocalUser("al"));
    assertThat(network.received()).isEmpty();
  }

  @Test
  void add_nameTheUserAlreadyUses_isDuplicateAndSendsNothing() {
    add(enrollmentUrl());
    int requestsBefore = network.received().size();

    AddLinkResult result = add(enrollmentUrl());

    assertThat(result).isEqualTo(new AddLinkResult.DuplicateName(PeerName.parse("work.example")));
    assertThat(network.received()).hasSize(requestsBefore);
    assertThat(home.links().findAll()).hasSize(1);
  }

  @Test
  void add_sameNameForAnotherUser_isAllowed() {
    add(enrollmentUrl());
    home.users().addUser(User.of(new UserId(UUID.randomUUID()), "bo"));

    AddLinkResult result =
        service.add(new AddLinkCommand(enrollmentUrl().format(), "bo", Optional.empty()));

    // The second token re-enrolls B's (now active) grant for the other local user.
    assertThat(result).isInstanceOf(AddLinkResult.Added.class);
    assertThat(home.links().findAll()).hasSize(2);
  }

  @Test
  void add_notAnEnrollmentUrl_isInvalidUrl() {
    EnrollmentUrl url = enrollmentUrl();

    assertThat(add(url.format().replace("https:", "http:"), Optional.empty()))
        .isInstanceOf(AddLinkResult.InvalidUrl.class);
    assertThat(add(url.enrollmentEndpoint().toString(), Optional.empty()))
        .isInstanceOf(AddLinkResult.InvalidUrl.class);
    assertThat(network.received()).isEmpty();
  }

  @Test
  void add_invalidName_isInvalidName() {
    assertThat(add(enrollmentUrl().format(), Optional.of("not a name!")))
        .isInstanceOf(AddLinkResult.InvalidName.class);
    assertThat(network.received()).isEmpty();
  }

  @Test
  void add_gatewayOffline_isUnreachable() {
    network.setOffline(WORK, true);

    AddLinkResult result = add(enrollmentUrl());

    assertThat(result).isInstanceOf(AddLinkResult.Unreachable.class);
    assertThat(home.links().findAll()).isEmpty();
  }

  @Test
  void add_tokenAlreadyUsedByAnotherKey_isTokenGone() {
    EnrollmentUrl url = enrollmentUrl();
    redeem.redeem(
        new RedeemEnrollmentCommand(
            url.token().encode(), FakePki.csr(CertificateFixtures.aPublicKey())));

    AddLinkResult result = add(url);

    assertThat(result).isInstanceOf(AddLinkResult.TokenGone.class);
    assertThat(home.links().findAll()).isEmpty();
  }

  @Test
  void add_tokenExpired_isTokenGone() {
    EnrollmentUrl url = enrollmentUrl();
    clock.advance(Duration.ofMinutes(16));

    assertThat(add(url)).isInstanceOf(AddLinkResult.TokenGone.class);
    assertThat(home.links().findAll()).isEmpty();
  }

  @Test
  void add_tokenUnknownToTheGateway_isUnknownToken() {
    EnrollmentUrl url = enrollmentUrl();
    EnrollmentUrl forged =
        new EnrollmentUrl(
            url.enrollmentEndpoint(), RawEnrollmentToken.of(new byte[32]), url.caRootPin());

    assertThat(add(forged)).isEqualTo(new AddLinkResult.UnknownToken(WORK));
    assertThat(home.links().findAll()).isEmpty();
  }

  @Test
  void add_gatewayAnswersAnotherStatus_isRefusedWithItsMessage() {
    network.answer(
        WORK,
        "POST",
        EnrollmentUrl.PATH,
        429,
        Map.of("error", Map.of("code", "rate_limited", "message", "slow down")));

    assertThat(add(enrollmentUrl())).isEqualTo(new AddLinkResult.Refused(WORK, 429, "slow down"));
    assertThat(home.links().findAll()).isEmpty();
  }

  static Stream<Arguments> badCertificates() {
    return Stream.of(
        Arguments.of(
            "another key",
            "not for the key",
            edit(f -> put(f, "key", CertificateFixtures.aPublicKey().hex()))),
        Arguments.of(
            "not clientAuth only", "clientAuth only", edit(f -> put(f, "eku", "serverAuth"))),
        Arguments.of("a CA", "is a CA", edit(f -> put(f, "ca", "true"))),
        Arguments.of(
            "another grant",
            "grant extension differs from the grant id",
            edit(f -> put(f, "grant", UUID.randomUUID().toString()))),
        Arguments.of("no grant", "no valid grant extension", edit(f -> remove(f, "grant"))),
        Arguments.of(
            "malformed grant",
            "no valid grant extension",
            edit(f -> put(f, "grant", "not-a-uuid"))),
        Arguments.of("no subject", "no valid subject-user", edit(f -> remove(f, "subject"))),
        Arguments.of("expired", "expired", edit(f -> put(f, "notAfter", "2001-01-01T00:00:00Z"))),
        Arguments.of("unreadable", "unreadable", (UnaryOperator<Map<String, String>>) f -> null));
  }

  private static UnaryOperator<Map<String, String>> edit(UnaryOperator<Map<String, String>> op) {
    return op;
  }

  private static Map<String, String> put(Map<String, String> fields, String key, String value) {
    fields.put(key, value);
    return fields;
  }

  private static Map<String, String> remove(Map<String, String> fields, String key) {
    fields.remove(key);
    return fields;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCertificates")
  void add_returnedCertificateUnacceptable_isInvalidCertificateAndStoresNothing(
      String problem, String expectedReason, UnaryOperator<Map<String, String>> tamper) {
    network.route(
        WORK,
        "POST",
        EnrollmentUrl.PATH,
        request -> {
          Map<String, String> fields = new LinkedHashMap<>();
          fields.put("serial", "99");
          fields.put("cn", "home.example");
          fields.put("grant", grant.id().toString());
          fields.put("subject", employee.id().toString());
          fields.put("key", keys.generated().getLast().material().publicKey().hex());
          fields.put("eku", "clientAuth");
          fields.put("ca", "false");
          fields.put("notAfter", Times.T0.plus(Duration.ofDays(30)).toString());
          Map<String, String> tampered = tamper.apply(fields);
          String pem = tampered == null ? "garbage" : FakePki.certificate(tampered);
          return json(
              200,
              Map.of(
                  "certificate", pem,
                  "chain", List.of(),
                  "grantId", grant.id().toString(),
                  "peerId", homeAtWork.id().toString()));
        });

    AddLinkResult result = add(enrollmentUrl());

    assertThat(result).isInstanceOf(AddLinkResult.InvalidCertificate.class);
    assertThat(((AddLinkResult.InvalidCertificate) result).reason()).contains(expectedReason);
    assertThat(home.links().findAll()).isEmpty();
  }

  @Test
  void add_answerWithoutGrantId_isInvalidCertificate() {
    network.answer(
        WORK, "POST", EnrollmentUrl.PATH, 200, Map.of("certificate", "x", "chain", List.of()));

    assertThat(add(enrollmentUrl())).isInstanceOf(AddLinkResult.InvalidCertificate.class);
    assertThat(home.links().findAll()).isEmpty();
  }
}
