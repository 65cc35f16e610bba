package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.contract.CertificateContents;
import dev.mosaic.federation.application.fake.FakeCsrVerifier;
import dev.mosaic.federation.application.fake.FakePki;
import dev.mosaic.federation.application.fake.InMemoryCertificateAuthority;
import dev.mosaic.federation.application.fake.InMemoryRateLimiter;
import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.port.in.Authorization;
import dev.mosaic.federation.application.port.in.AuthorizeRequestCommand;
import dev.mosaic.federation.application.port.in.AuthorizeRequestUseCase;
import dev.mosaic.federation.application.port.in.CertificateIdentity;
import dev.mosaic.federation.application.port.in.FederatedRequestContext;
import dev.mosaic.federation.application.port.in.IdentityCheck;
import dev.mosaic.federation.application.port.in.Refusal;
import dev.mosaic.federation.application.port.in.RenewCertificateCommand;
import dev.mosaic.federation.application.port.in.RenewCertificateResult;
import dev.mosaic.federation.application.port.in.ServeRateLimited;
import dev.mosaic.federation.application.port.in.ServeRefused;
import dev.mosaic.federation.application.port.in.ServeUnavailable;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.domain.access.NativeAccess;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.audit.RequestId;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.GrantFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantTransition;
import dev.mosaic.federation.domain.peer.Peer;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.PinnedCertificate;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import dev.mosaic.federation.domain.scope.RateLimit;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RenewCertificateServiceTest {
  private final InMemoryStores stores = new InMemoryStores();
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0.plusSeconds(3600));
  private final InMemoryCertificateAuthority ca =
      new InMemoryCertificateAuthority(clock, Duration.ofDays(30));
  private final User subject = User.of(new UserId(UUID.randomUUID()), "e1");
  private final Peer peer =
      Peer.create(new PeerId(UUID.randomUUID()), PeerName.parse("home.example"), Times.T0);
  private final PinnedCertificate pin = CertificateFixtures.aPin();
  private final Grant grant;

  RenewCertificateServiceTest() {
    stores.users().addUser(subject);
    stores.peers().insert(peer);
    grant =
        GrantFixtures.anActiveGrant()
            .forPeer(peer.id())
            .forSubject(subject.id())
            .pinned(pin)
            .build();
    stores.grants().insert(grant);
  }

  private RenewCertificateService service(AuthorizeRequestUseCase authorizer) {
    return new RenewCertificateService(
        authorizer,
        stores.transactor(),
        stores.grants(),
        stores.peers(),
        new FakeCsrVerifier(),
        ca,
        stores.audit(),
        new SequentialIdGenerator(),
        clock);
  }

  private RenewCertificateService service(RateLimit defaultLimit) {
    return service(
        new AuthorizeRequestService(
            stores.grants(),
            stores.users(),
            new InMemoryRateLimiter(clock),
            clock,
            new ServingDefaults(defaultLimit)));
  }

  private final RenewCertificateService service = service(new RateLimit(600, 100));

  private static FederatedRequestContext context(Grant grant, CertificateFingerprint presented) {
    return new FederatedRequestContext(
        new CertificateIdentity(
            Optional.of(grant.id().toString()),
            Optional.of(grant.subjectUserId().toString()),
            presented),
        RequestId.of(UUID.randomUUID()),
        Optional.empty());
  }

  private RenewCertificateResult renew(
      RenewCertificateService service,
      CertificateFingerprint presented,
      CertificateSigningRequest csr) {
    return service.renew(new RenewCertificateCommand(context(grant, presented), csr));
  }

  private RenewCertificateResult renew(CertificateFingerprint presented, PublicKeyFingerprint key) {
    return renew(service, presented, FakePki.csr(key));
  }

  private static RenewCertificateResult.Renewed renewed(RenewCertificateResult result) {
    assertThat(result).isInstanceOf(RenewCertificateResult.Renewed.class);
    return (RenewCertificateResult.Renewed) result;
  }

  private Grant stored() {
    return stores.grants().findById(grant.id()).orElseThrow();
  }

  private List<AuditEvent> audit() {
    return stores.audit().all();
  }

  @Test
  void renew_issuesForTheSameGrantPinsItAndKeepsThePresentingCertificate() {
    PublicKeyFingerprint key = CertificateFixtures.aPublicKey();

    RenewCertificateResult.Renewed result = renewed(renew(pin.fingerprint(), key));

    CertificateContents certificate = FakePki.inspect(result.certificatePem());
    assertThat(certificate.commonName()).isEqualTo("home.example");
    assertThat(certificate.grantExtension()).contains(grant.id().toString());
    assertThat(certificate.subjectExtension()).contains(subject.id().toString());
    assertThat(certificate.publicKey()).contains(key);
    assertThat(certificate.clientAuthOnly()).isTrue();
    CertificateFingerprint fresh = FakePki.fingerprint(result.certificatePem());
    assertThat(stored().pinnedCertificates().all())
        .extracting(PinnedCertificate::fingerprint)
        .containsExactly(fresh, pin.fingerprint());
  }

  @Test
  void renew_auditsTheRequestAndARenewedEventNamingTheNewCertificate() {
    RenewCertificateResult.Renewed result =
        renewed(renew(pin.fingerprint(), CertificateFixtures.aPublicKey()));

    CertificateFingerprint fresh = FakePki.fingerprint(result.certificatePem());
    assertThat(audit()).hasSize(2);
    AuditEvent lifecycle = audit().get(0);
    assertThat(lifecycle.event()).isEqualTo("renewed");
    assertThat(lifecycle.certFingerprint()).contains(fresh);
    assertThat(lifecycle.grantId()).contains(grant.id());
    AuditEvent request = audit().get(1);
    assertThat(request.event()).isEqualTo("renew");
    assertThat(request.outcome()).isEqualTo(AuditOutcome.ALLOWED);
    assertThat(request.statusCode()).hasValue(200);
    assertThat(request.certFingerprint()).contains(pin.fingerprint());
    assertThat(request.grantId()).contains(grant.id());
  }

  @Test
  void renew_twice_dropsTheOldest() {
    RenewCertificateResult.Renewed first =
        renewed(renew(pin.fingerprint(), CertificateFixtures.aPublicKey()));
    CertificateFingerprint firstFingerprint = FakePki.fingerprint(first.certificatePem());

    RenewCertificateResult.Renewed second =
        renewed(renew(firstFingerprint, CertificateFixtures.aPublicKey()));

    assertThat(stored().pinnedCertificates().all())
        .extracting(PinnedCertificate::fingerprint)
        .containsExactly(FakePki.fingerprint(second.certificatePem()), firstFingerprint);
    assertThat(stored().isPinned(pin.fingerprint(), clock.instant())).isFalse();
  }

  @Test
  void renew_afterALostAnswer_withTheOldCertificate_keepsTheOldOneWorking() {
    RenewCertificateResult.Renewed lost =
        renewed(renew(pin.fingerprint(), CertificateFixtures.aPublicKey()));

    RenewCertificateResult.Renewed again =
        renewed(renew(pin.fingerprint(), CertificateFixtures.aPublicKey()));

    assertThat(stored().pinnedCertificates().all())
        .extracting(PinnedCertificate::fingerprint)
        .containsExactly(FakePki.fingerprint(again.certificatePem()), pin.fingerprint());
    assertThat(stored().isPinned(FakePki.fingerprint(lost.certificatePem()), clock.instant()))
        .isFalse();
  }

  @Test
  void renew_missingOrGarbageOrWeakCsr_is400NamingCsr_andChangesNothing() {
    PublicKeyFingerprint key = CertificateFixtures.aPublicKey();
    for (CertificateSigningRequest csr :
        List.of(
            new CertificateSigningRequest(""),
            new CertificateSigningRequest("garbage"),
            FakePki.csrWithWeakKey(key),
            FakePki.csrWithBadSignature(key))) {
      RenewCertificateResult result = renew(service, pin.fingerprint(), csr);

      assertThat(result).isInstanceOf(ServeRefused.class);
      ServeRefused refused = (ServeRefused) result;
      assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_REQUEST);
      assertThat(refused.message()).startsWith("csr: ");
    }
    assertThat(stored()).isEqualTo(grant);
    assertThat(ca.issued()).isEmpty();
    assertThat(audit()).hasSize(4).allSatisfy(row -> assertInvalid(row));
  }

  private static void assertInvalid(AuditEvent row) {
    assertThat(row.event()).isEqualTo("renew");
    assertThat(row.outcome()).isEqualTo(AuditOutcome.INVALID);
    assertThat(row.statusCode()).hasValue(400);
  }

  @Test
  void renew_revokedGrant_is403GrantRevoked_andIssuesNothing() {
    Grant revoked = ((GrantTransition.Applied) grant.revoke(clock.instant(), "gone")).grant();
    stores.grants().update(revoked);

    RenewCertificateResult result = renew(pin.fingerprint(), CertificateFixtures.aPublicKey());

    assertThat(result)
        .isEqualTo(new ServeRefused(Refusal.GRANT_REVOKED, "the grant has been revoked"));
    assertThat(ca.issued()).isEmpty();
    assertThat(stored()).isEqualTo(revoked);
    assertThat(audit())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.outcome()).isEqualTo(AuditOutcome.DENIED);
              assertThat(row.statusCode()).hasValue(403);
            });
  }

  @Test
  void renew_revokedWhileWaitingForTheLock_isRefusedUnderTheLock() {
    Grant active = grant;
    Grant revoked = ((GrantTransition.Applied) grant.revoke(clock.instant(), "gone")).grant();
    stores.grants().update(revoked);
    // The identity check ran before the revocation committed and saw the grant active.
    RenewCertificateService raced = service(identifiedAs(active));

    RenewCertificateResult result =
        renew(raced, pin.fingerprint(), FakePki.csr(CertificateFixtures.aPublicKey()));

    assertThat(result).isInstanceOf(ServeRefused.class);
    assertThat(((ServeRefused) result).refusal()).isEqualTo(Refusal.GRANT_REVOKED);
    assertThat(ca.issued()).isEmpty();
    assertThat(stored()).isEqualTo(revoked);
    assertThat(audit())
        .singleElement()
        .satisfies(row -> assertThat(row.statusCode()).hasValue(403));
  }

  @Test
  void renew_unpinnedCertificate_is403Forbidden() {
    RenewCertificateResult result =
        renew(CertificateFixtures.aPin().fingerprint(), CertificateFixtures.aPublicKey());

    assertThat(result).isInstanceOf(ServeRefused.class);
    assertThat(((ServeRefused) result).refusal()).isEqualTo(Refusal.FORBIDDEN);
    assertThat(ca.issued()).isEmpty();
    assertThat(stored()).isEqualTo(grant);
  }

  @Test
  void renew_overTheRateLimit_is429() {
    RenewCertificateService limited = service(new RateLimit(1, 1));
    renewed(renew(limited, pin.fingerprint(), FakePki.csr(CertificateFixtures.aPublicKey())));
    Grant afterFirst = stored();
    CertificateFingerprint current =
        afterFirst.pinnedCertificates().current().orElseThrow().fingerprint();

    RenewCertificateResult result =
        renew(limited, current, FakePki.csr(CertificateFixtures.aPublicKey()));

    assertThat(result).isInstanceOf(ServeRateLimited.class);
    assertThat(stored()).isEqualTo(afterFirst);
    assertThat(audit().getLast().outcome()).isEqualTo(AuditOutcome.RATE_LIMITED);
  }

  @Test
  void renew_caUnavailable_is503_andChangesNothing() {
    ca.failWith(new InfrastructureException("step-ca unreachable", true));

    RenewCertificateResult result = renew(pin.fingerprint(), CertificateFixtures.aPublicKey());

    assertThat(result).isInstanceOf(ServeUnavailable.class);
    assertThat(stored()).isEqualTo(grant);
    assertThat(audit())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.event()).isEqualTo("renew");
              assertThat(row.outcome()).isEqualTo(AuditOutcome.ERROR);
              assertThat(row.statusCode()).hasValue(503);
            });
  }

  @Test
  void renew_auditLogDown_is503_andRollsThePinBack() {
    stores.audit().failWith(new InfrastructureException("audit store down", true));

    RenewCertificateResult result = renew(pin.fingerprint(), CertificateFixtures.aPublicKey());

    assertThat(result).isInstanceOf(ServeUnavailable.class);
    assertThat(stored()).isEqualTo(grant);
  }

  @Test
  void renew_programmingError_isAuditedAs500AndRethrown() {
    AuthorizeRequestUseCase broken = identifiedAs(grant);
    RenewCertificateService crashing =
        new RenewCertificateService(
            broken,
            stores.transactor(),
            stores.grants(),
            stores.peers(),
            csr -> {
              throw new IllegalStateException("bug");
            },
            ca,
            stores.audit(),
            new SequentialIdGenerator(),
            clock);

    assertThatThrownBy(
            () -> renew(crashing, pin.fingerprint(), FakePki.csr(CertificateFixtures.aPublicKey())))
        .isInstanceOf(IllegalStateException.class);
    assertThat(audit())
        .singleElement()
        .satisfies(row -> assertThat(row.statusCode()).hasValue(500));
    assertThat(stored()).isEqualTo(grant);
  }

  /** An authorizer that identifies every request as {@code grant} (a stale read). */
  private AuthorizeRequestUseCase identifiedAs(Grant grant) {
    NativeAccess access = stores.users().find(subject.id()).orElseThrow();
    return new AuthorizeRequestUseCase() {
      @Override
      public IdentityCheck identify(CertificateIdentity identity) {
        return new IdentityCheck.Identified(grant, access);
      }

      @Override
      public Authorization authorize(AuthorizeRequestCommand command) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Optional<Grant> attribute(CertificateIdentity identity) {
        return Optional.of(grant);
      }
    };
  }
}
