package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.InMemoryCertificateAuthority;
import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.port.in.IssueEnrollmentTokenCommand;
import dev.mosaic.federation.application.port.in.IssueEnrollmentTokenResult;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.enrollment.EnrollmentToken;
import dev.mosaic.federation.domain.enrollment.EnrollmentUrl;
import dev.mosaic.federation.domain.fixtures.GrantFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.grant.GrantStatus;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IssueEnrollmentTokenServiceTest {
  private final InMemoryStores stores = new InMemoryStores();
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0);
  private final InMemoryCertificateAuthority ca =
      new InMemoryCertificateAuthority(clock, Duration.ofDays(30));
  private final IssueEnrollmentTokenService service =
      new IssueEnrollmentTokenService(
          stores.transactor(),
          stores.grants(),
          stores.tokens(),
          ca,
          stores.audit(),
          new SequentialIdGenerator(),
          clock,
          new SecureRandom());

  private Grant stored(Grant grant) {
    stores.grants().insert(grant);
    return grant;
  }

  private IssueEnrollmentTokenResult.Issued issued(IssueEnrollmentTokenResult result) {
    assertThat(result).isInstanceOf(IssueEnrollmentTokenResult.Issued.class);
    return (IssueEnrollmentTokenResult.Issued) result;
  }

  @Test
  void issue_pendingGrant_storesOnlyTheHashAndAuditsWithoutTheToken() {
    Grant grant = stored(GrantFixtures.aPendingGrant().build());

    IssueEnrollmentTokenResult.Issued result =
        issued(service.issue(IssueEnrollmentTokenCommand.of(grant.id())));

    EnrollmentToken token = stores.tokens().findByHash(result.token().hash()).orElseThrow();
    assertThat(token.grantId()).isEqualTo(grant.id());
    assertThat(token.expiresAt()).isEqualTo(Times.T0.plus(Duration.ofMinutes(15)));
    assertThat(token.usedAt()).isEmpty();
    assertThat(result.expiresAt()).isEqualTo(token.expiresAt());
    AuditEvent audit = stores.audit().all().getFirst();
    assertThat(audit.event()).isEqualTo("token_issued");
    assertThat(audit.grantId()).contains(grant.id());
    assertThat(audit.toString()).doesNotContain(result.token().encode());
  }

  @Test
  void issue_activeGrant_allowsReEnrollment() {
    Grant grant = stored(GrantFixtures.anActiveGrant().build());

    assertThat(service.issue(IssueEnrollmentTokenCommand.of(grant.id())))
        .isInstanceOf(IssueEnrollmentTokenResult.Issued.class);
  }

  @Test
  void issue_shortTtl_isHonoured() {
    Grant grant = stored(GrantFixtures.aPendingGrant().build());

    IssueEnrollmentTokenResult.Issued result =
        issued(service.issue(new IssueEnrollmentTokenCommand(grant.id(), Duration.ofMinutes(2))));

    assertThat(result.expiresAt()).isEqualTo(Times.T0.plus(Duration.ofMinutes(2)));
  }

  @Test
  void issue_enrollmentUrl_carriesTokenAndCaRootPin() {
    Grant grant = stored(GrantFixtures.aPendingGrant().build());
    IssueEnrollmentTokenResult.Issued result =
        issued(service.issue(IssueEnrollmentTokenCommand.of(grant.id())));

    EnrollmentUrl url = result.enrollmentUrl(URI.create("https://work.example:8443"));

    assertThat(url.caRootPin()).isEqualTo(ca.rootFingerprint());
    assertThat(EnrollmentUrl.parse(url.format())).contains(url);
    assertThat(url.token()).isEqualTo(result.token());
  }

  @Test
  void issue_twice_mintsDifferentTokens() {
    Grant grant = stored(GrantFixtures.aPendingGrant().build());

    var first = issued(service.issue(IssueEnrollmentTokenCommand.of(grant.id())));
    var second = issued(service.issue(IssueEnrollmentTokenCommand.of(grant.id())));

    assertThat(first.token()).isNotEqualTo(second.token());
  }

  @Test
  void issue_revokedGrant_isNotEligible() {
    Grant grant = stored(GrantFixtures.aRevokedGrant().build());

    assertThat(service.issue(IssueEnrollmentTokenCommand.of(grant.id())))
        .isEqualTo(
            new IssueEnrollmentTokenResult.GrantNotEligible(grant.id(), GrantStatus.REVOKED));
    assertThat(stores.audit().all()).isEmpty();
  }

  @Test
  void issue_grantPastExpiry_isNotEligible() {
    Grant grant = stored(GrantFixtures.aPendingGrant().expiresIn(Duration.ofMinutes(1)).build());
    clock.advance(Duration.ofMinutes(1));

    assertThat(service.issue(IssueEnrollmentTokenCommand.of(grant.id())))
        .isEqualTo(
            new IssueEnrollmentTokenResult.GrantNotEligible(grant.id(), GrantStatus.EXPIRED));
  }

  @Test
  void issue_unknownGrant_isNotFound() {
    GrantId unknown = new GrantId(UUID.randomUUID());

    assertThat(service.issue(IssueEnrollmentTokenCommand.of(unknown)))
        .isEqualTo(new IssueEnrollmentTokenResult.GrantNotFound(unknown));
  }

  @Test
  void issue_ttlAboveFifteenMinutesOrNotPositive_isInvalidAndWritesNothing() {
    Grant grant = stored(GrantFixtures.aPendingGrant().build());

    assertThat(service.issue(new IssueEnrollmentTokenCommand(grant.id(), Duration.ofMinutes(16))))
        .isInstanceOfSatisfying(
            IssueEnrollmentTokenResult.InvalidTtl.class,
            r -> assertThat(r.message()).contains("15 minutes"));
    assertThat(service.issue(new IssueEnrollmentTokenCommand(grant.id(), Duration.ZERO)))
        .isInstanceOf(IssueEnrollmentTokenResult.InvalidTtl.class);
    assertThat(stores.audit().all()).isEmpty();
  }
}
