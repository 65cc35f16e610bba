package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.contract.CertificateContents;
import dev.mosaic.federation.application.fake.FakeCsrVerifier;
import dev.mosaic.federation.application.fake.FakePki;
import dev.mosaic.federation.application.fake.InMemoryCertificateAuthority;
import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentCommand;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentResult;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.enrollment.EnrollmentToken;
import dev.mosaic.federation.domain.enrollment.RawEnrollmentToken;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.GrantFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.peer.Peer;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.peer.PeerStatus;
import dev.mosaic.federation.domain.pki.PinnedCertificate;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RedeemEnrollmentServiceTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final InMemoryStores stores = new InMemoryStores();
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0.plusSeconds(60));
  private final InMemoryCertificateAuthority ca =
      new InMemoryCertificateAuthority(clock, Duration.ofDays(30));
  private final RedeemEnrollmentService service =
      new RedeemEnrollmentService(
          stores.transactor(),
          stores.tokens(),
          stores.grants(),
          stores.peers(),
          new FakeCsrVerifier(),
          ca,
          stores.audit(),
          new SequentialIdGenerator(),
          clock);

  private final User subject = User.of(new UserId(UUID.randomUUID()), "alice");
  private final Peer peer =
      Peer.create(new PeerId(UUID.randomUUID()), PeerName.parse("home.example"), Times.T0);

  RedeemEnrollmentServiceTest() {
    stores.users().addUser(subject);
    stores.peers().insert(peer);
  }

  private Grant stored(GrantFixtures.Builder grant) {
    Grant built = grant.forPeer(peer.id()).forSubject(subject.id()).build();
    stores.grants().insert(built);
    return built;
  }

  private Grant pendingGrant() {
    return stored(GrantFixtures.aPendingGrant());
  }

  /** A token for {@code grant}, issued at T0 with a 15-minute TTL. */
  private RawEnrollmentToken tokenFor(Grant grant) {
    byte[] bytes = new byte[RawEnrollmentToken.LENGTH];
    RANDOM.nextBytes(bytes);
    RawEnrollmentToken raw = RawEnrollmentToken.of(bytes);
    stores
        .tokens()
        .insert(EnrollmentToken.issue(raw.hash(), grant.id(), Times.T0, Duration.ofMinutes(15)));
    return raw;
  }

  private RedeemEnrollmentResult redeem(RawEnrollmentToken token, PublicKeyFingerprint key) {
    return redeem(token.encode(), FakePki.csr(key));
  }

  private RedeemEnrollmentResult redeem(String token, CertificateSigningRequest csr) {
    return service.redeem(new RedeemEnrollmentCommand(token, csr));
  }

  private static RedeemEnrollmentResult.Enrolled enrolled(RedeemEnrollmentResult result) {
    assertThat(result).isInstanceOf(RedeemEnrollmentResult.Enrolled.class);
    return (RedeemEnrollmentResult.Enrolled) result;
  }

  private EnrollmentToken stored(RawEnrollmentToken token) {
    return stores.tokens().findByHash(token.hash()).orElseThrow();
  }

  private AuditEvent lastAudit() {
    return stores.audit().all().getLast();
  }

  private void assertNoTokenIn(AuditEvent event, RawEnrollmentToken token) {
    assertThat(event.toString()).doesNotContain(token.encode()).doesNotContain(token.hash().hex());
  }

  @Test
  void redeem_pendingGrant_issuesCertificateForTheGrantPinsItAndActivatesPeerAndGrant() {
    Grant grant = pendingGrant();
    RawEnrollmentToken token = tokenFor(grant);
    PublicKeyFingerprint key = CertificateFixtures.aPublicKey();

    RedeemEnrollmentResult.Enrolled result = enrolled(redeem(token, key));

    CertificateContents certificate = FakePki.inspect(result.certificate().certificatePem());
    assertThat(certificate.commonName()).isEqualTo("home.example");
    assertThat(certificate.grantExtension()).contains(grant.id().toString());
    assertThat(certificate.subjectExtension()).contains(subject.id().toString());
    assertThat(certificate.publicKey()).contains(key);
    assertThat(certificate.clientAuthOnly()).isTrue();
    assertThat(result.grantId()).isEqualTo(grant.id());
    assertThat(result.peerId()).isEqualTo(peer.id());
    Grant after = stores.grants().findById(grant.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(GrantStatus.ACTIVE);
    assertThat(after.pinnedCertificates().all())
        .extracting(PinnedCertificate::fingerprint)
        .containsExactly(result.certificate().fingerprint());
    assertThat(stores.peers().findById(peer.id()).orElseThrow().status())
        .isEqualTo(PeerStatus.ACTIVE);
    EnrollmentToken used = stored(token);
    assertThat(used.usedForPublicKey()).contains(key);
    assertThat(used.issuedCertificate()).contains(result.certificate());
  }

  @Test
  void redeem_success_auditsEnrolledWithTheCertificateAndWithoutTheToken() {
    Grant grant = pendingGrant();
    RawEnrollmentToken token = tokenFor(grant);

    RedeemEnrollmentResult.Enrolled result =
        enrolled(redeem(token, CertificateFixtures.aPublicKey()));

    AuditEvent event = lastAudit();
    assertThat(event.event()).isEqualTo("enrolled");
    assertThat(event.outcome()).isEqualTo(AuditOutcome.ALLOWED);
    assertThat(event.grantId()).contains(grant.id());
    assertThat(event.peerId()).contains(peer.id());
    assertThat(event.subjectUserId()).contains(subject.id());
    assertThat(event.certFingerprint()).contains(result.certificate().fingerprint());
    assertNoTokenIn(event, token);
  }

  @Test
  void redeem_activeGrant_reEnrollsAndReplacesThePinnedSet() {
    PinnedCertificate current = CertificateFixtures.aPin();
    PinnedCertificate previous = CertificateFixtures.aPin();
    Grant grant = stored(GrantFixtures.anActiveGrant().pinned(current, previous));
    RawEnrollmentToken token = tokenFor(grant);

    RedeemEnrollmentResult.Enrolled result =
        enrolled(redeem(token, CertificateFixtures.aPublicKey()));

    Grant after = stores.grants().findById(grant.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(GrantStatus.ACTIVE);
    assertThat(after.pinnedCertificates().all())
        .extracting(PinnedCertificate::fingerprint)
        .containsExactly(result.certificate().fingerprint());
  }

  @Test
  void redeem_unknownToken_isUnknownTokenChangesNothingAndAuditsTheFailure() {
    Grant grant = pendingGrant();
    tokenFor(grant);
    byte[] other = new byte[RawEnrollmentToken.LENGTH];
    RawEnrollmentToken unknown = RawEnrollmentToken.of(other);

    RedeemEnrollmentResult result = redeem(unknown, CertificateFixtures.aPublicKey());

    assertThat(result).isEqualTo(new RedeemEnrollmentResult.UnknownToken());
    assertThat(stores.grants().findById(grant.id())).contains(grant);
    assertThat(ca.issued()).isEmpty();
    AuditEvent event = lastAudit();
    assertThat(event.event()).isEqualTo("enrollment_failed");
    assertThat(event.outcome()).isEqualTo(AuditOutcome.NOT_FOUND);
    assertThat(event.statusCode()).hasValue(404);
    assertNoTokenIn(event, unknown);
  }

  @Test
  void redeem_malformedToken_isUnknownToken() {
    pendingGrant();

    RedeemEnrollmentResult result =
        redeem("not a token", FakePki.csr(CertificateFixtures.aPublicKey()));

    assertThat(result).isEqualTo(new RedeemEnrollmentResult.UnknownToken());
    assertThat(lastAudit().event()).isEqualTo("enrollment_failed");
    assertThat(lastAudit().toString()).doesNotContain("not a token");
  }

  @Test
  void redeem_expiredToken_isGoneAndLeavesTokenAndGrantUnchanged() {
    Grant grant = pendingGrant();
    RawEnrollmentToken token = tokenFor(grant);
    EnrollmentToken before = stored(token);
    clock.set(Times.T0.plus(Duration.ofMinutes(15)));

    RedeemEnrollmentResult result = redeem(token, CertificateFixtures.aPublicKey());

    assertThat(result).isInstanceOf(RedeemEnrollmentResult.Gone.class);
    assertThat(stored(token)).isEqualTo(before);
    assertThat(stores.grants().findById(grant.id())).contains(grant);
    assertThat(ca.issued()).isEmpty();
    AuditEvent event = lastAudit();
    assertThat(event.event()).isEqualTo("enrollment_failed");
    assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(event.statusCode()).hasValue(410);
    assertThat(event.grantId()).contains(grant.id());
    assertNoTokenIn(event, token);
  }

  @Test
  void redeem_usedTokenWithAnotherKey_isGoneAndIssuesNothingMore() {
    Grant grant = pendingGrant();
    RawEnrollmentToken token = tokenFor(grant);
    enrolled(redeem(token, CertificateFixtures.aPublicKey()));
    Grant afterFirst = stores.grants().findById(grant.id()).orElseThrow();
    EnrollmentToken usedOnce = stored(token);

    RedeemEnrollmentResult result = redeem(token, CertificateFixtures.aPublicKey());

    assertThat(result).isInstanceOf(RedeemEnrollmentResult.Gone.class);
    assertThat(ca.issued()).hasSize(1);
    assertThat(stores.grants().findById(grant.id())).contains(afterFirst);
    assertThat(stored(token)).isEqualTo(usedOnce);
    assertThat(lastAudit().event()).isEqualTo("enrollment_failed");
  }

  @Test
  void redeem_retryWithSameKeyWithinTtl_returnsTheSameCertificateWithoutIssuingAgain() {
    Grant grant = pendingGrant();
    RawEnrollmentToken token = tokenFor(grant);
    PublicKeyFingerprint key = CertificateFixtures.aPublicKey();
    RedeemEnrollmentResult.Enrolled first = enrolled(redeem(token, key));
    clock.advance(Duration.ofMinutes(5));

    RedeemEnrollmentResult.Enrolled retry = enrolled(redeem(token, key));

    assertThat(retry).isEqualTo(first);
    assertThat(ca.issued()).hasSize(1);
    assertThat(lastAudit().event()).isEqualTo("enrolled");
  }

  @Test
  void redeem_retryWithSameKeyAfterTtl_isGone() {
    Grant grant = pendingGrant();
    RawEnrollmentToken token = tokenFor(grant);
    PublicKeyFingerprint key = CertificateFixtures.aPublicKey();
    enrolled(redeem(token, key));
    clock.set(Times.T0.plus(Duration.ofMinutes(16)));

    assertThat(redeem(token, key)).isInstanceOf(RedeemEnrollmentResult.Gone.class);
  }

  @Test
  void redeem_tokenOfRevokedGrant_isGoneAndLeavesTokenUnused() {
    Grant grant = stored(GrantFixtures.aRevokedGrant());
    RawEnrollmentToken token = tokenFor(grant);

    RedeemEnrollmentResult result = redeem(token, CertificateFixtures.aPublicKey());

    assertThat(result).isEqualTo(new RedeemEnrollmentResult.Gone("the grant is revoked"));
    assertThat(stored(token).usedAt()).isEmpty();
    assertThat(stores.grants().findById(grant.id())).contains(grant);
    assertThat(ca.issued()).isEmpty();
    assertThat(lastAudit().event()).isEqualTo("enrollment_failed");
    assertThat(lastAudit().reason()).contains("grant revoked");
  }

  @Test
  void redeem_tokenOfExpiredGrant_isGone() {
    Grant grant = stored(GrantFixtures.aPendingGrant().expiresIn(Duration.ofMinutes(1)));
    RawEnrollmentToken token = tokenFor(grant);

    RedeemEnrollmentResult result = redeem(token, CertificateFixtures.aPublicKey());

    assertThat(result).isEqualTo(new RedeemEnrollmentResult.Gone("the grant is expired"));
    assertThat(stored(token).usedAt()).isEmpty();
    assertThat(ca.issued()).isEmpty();
  }

  @Test
  void redeem_csrWithBadSignature_isInvalidCsrAndLeavesTheTokenUnused() {
    Grant grant = pendingGrant();
    RawEnrollmentToken token = tokenFor(grant);
    PublicKeyFingerprint key = CertificateFixtures.aPublicKey();

    RedeemEnrollmentResult result = redeem(token.encode(), FakePki.csrWithBadSignature(key));

    assertThat(result).isInstanceOf(RedeemEnrollmentResult.InvalidCsr.class);
    assertThat(stored(token).usedAt()).isEmpty();
    assertThat(stores.grants().findById(grant.id())).contains(grant);
    assertThat(ca.issued()).isEmpty();
    AuditEvent event = lastAudit();
    assertThat(event.event()).isEqualTo("enrollment_failed");
    assertThat(event.outcome()).isEqualTo(AuditOutcome.INVALID);
    assertThat(event.statusCode()).hasValue(400);
    assertNoTokenIn(event, token);
    // The token still works afterwards with a good CSR.
    enrolled(redeem(token, key));
  }

  @Test
  void redeem_weakOrMalformedCsr_isInvalidCsr() {
    Grant grant = pendingGrant();
    RawEnrollmentToken token = tokenFor(grant);

    assertThat(redeem(token.encode(), FakePki.csrWithWeakKey(CertificateFixtures.aPublicKey())))
        .isInstanceOf(RedeemEnrollmentResult.InvalidCsr.class);
    assertThat(redeem(token.encode(), new CertificateSigningRequest("garbage")))
        .isInstanceOf(RedeemEnrollmentResult.InvalidCsr.class);
    assertThat(stored(token).usedAt()).isEmpty();
  }

  @Test
  void redeem_caFailure_rollsTheClaimBackAuditsTheErrorAndRethrows() {
    Grant grant = pendingGrant();
    RawEnrollmentToken token = tokenFor(grant);
    ca.failWith(new InfrastructureException("CA unreachable", true));

    assertThatThrownBy(() -> redeem(token, CertificateFixtures.aPublicKey()))
        .isInstanceOf(InfrastructureException.class)
        .hasMessage("CA unreachable");

    assertThat(stored(token).usedAt()).isEmpty();
    assertThat(stores.grants().findById(grant.id())).contains(grant);
    assertThat(stores.peers().findById(peer.id()).orElseThrow().status())
        .isEqualTo(PeerStatus.PENDING);
    AuditEvent event = lastAudit();
    assertThat(event.event()).isEqualTo("enrollment_failed");
    assertThat(event.outcome()).isEqualTo(AuditOutcome.ERROR);
    assertThat(stores.audit().all()).noneMatch(e -> e.event().equals("enrolled"));
    ca.failWith(null);
    enrolled(redeem(token, CertificateFixtures.aPublicKey()));
  }

  @Test
  void redeem_twentyConcurrentRedemptionsWithDifferentKeys_yieldExactlyOneCertificate()
      throws Exception {
    Grant grant = pendingGrant();
    RawEnrollmentToken token = tokenFor(grant);
    List<PublicKeyFingerprint> keys = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      keys.add(CertificateFixtures.aPublicKey());
    }

    List<RedeemEnrollmentResult> results = concurrently(keys, token);

    assertThat(results).filteredOn(RedeemEnrollmentResult.Enrolled.class::isInstance).hasSize(1);
    assertThat(results).filteredOn(RedeemEnrollmentResult.Gone.class::isInstance).hasSize(19);
    assertThat(ca.issued()).hasSize(1);
    assertThat(stores.grants().findById(grant.id()).orElseThrow().pinnedCertificates().all())
        .extracting(PinnedCertificate::fingerprint)
        .containsExactly(ca.issued().getFirst().fingerprint());
  }

  @Test
  void redeem_twentyConcurrentRedemptionsWithTheSameKey_allGetTheOneCertificate() throws Exception {
    Grant grant = pendingGrant();
    RawEnrollmentToken token = tokenFor(grant);
    PublicKeyFingerprint key = CertificateFixtures.aPublicKey();

    List<RedeemEnrollmentResult> results =
        concurrently(java.util.Collections.nCopies(20, key), token);

    assertThat(results).allMatch(RedeemEnrollmentResult.Enrolled.class::isInstance);
    Set<String> certificates =
        results.stream()
            .map(r -> ((RedeemEnrollmentResult.Enrolled) r).certificate().certificatePem())
            .collect(Collectors.toSet());
    assertThat(certificates).hasSize(1);
    assertThat(ca.issued()).hasSize(1);
  }

  private List<RedeemEnrollmentResult> concurrently(
      List<PublicKeyFingerprint> keys, RawEnrollmentToken token) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<RedeemEnrollmentResult>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(keys.size())) {
      for (PublicKeyFingerprint key : keys) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return redeem(token, key);
                }));
      }
      start.countDown();
      List<RedeemEnrollmentResult> results = new ArrayList<>();
      for (Future<RedeemEnrollmentResult> future : futures) {
        results.add(future.get());
      }
      return results;
    }
  }
}
