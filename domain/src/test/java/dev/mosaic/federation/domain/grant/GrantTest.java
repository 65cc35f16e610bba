package dev.mosaic.federation.domain.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.GrantFixtures;
import dev.mosaic.federation.domain.fixtures.ScopeFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.pki.PinnedCertificate;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.scope.Scope;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GrantTest {
  private static final Instant LATER = Times.T0.plus(Duration.ofMinutes(5));

  private static Grant applied(GrantTransition transition) {
    assertThat(transition).isInstanceOf(GrantTransition.Applied.class);
    return ((GrantTransition.Applied) transition).grant();
  }

  private static IllegalTransition rejected(GrantTransition transition) {
    assertThat(transition).isInstanceOf(GrantTransition.Rejected.class);
    return ((GrantTransition.Rejected) transition).reason();
  }

  @Test
  void create_newGrant_isPendingWithoutPins() {
    Grant grant =
        Grant.create(
            new GrantId(UUID.randomUUID()),
            new PeerId(UUID.randomUUID()),
            new UserId(UUID.randomUUID()),
            Scope.of(Resource.TASKS),
            Times.T0,
            Optional.empty());

    assertThat(grant.status()).isEqualTo(GrantStatus.PENDING);
    assertThat(grant.pinnedCertificates().all()).isEmpty();
    assertThat(grant.activatedAt()).isEmpty();
  }

  @Test
  void create_expiryNotAfterCreation_isRefused() {
    assertThatThrownBy(
            () ->
                Grant.create(
                    new GrantId(UUID.randomUUID()),
                    new PeerId(UUID.randomUUID()),
                    new UserId(UUID.randomUUID()),
                    Scope.of(Resource.TASKS),
                    Times.T0,
                    Optional.of(Times.T0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void activate_whenPending_becomesActive() {
    Grant active = applied(GrantFixtures.aPendingGrant().build().activate(LATER));

    assertThat(active.status()).isEqualTo(GrantStatus.ACTIVE);
    assertThat(active.activatedAt()).contains(LATER);
    assertThat(active.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void activate_whenActive_isRejected() {
    assertThat(rejected(GrantFixtures.anActiveGrant().build().activate(LATER)))
        .isEqualTo(new IllegalTransition(GrantStatus.ACTIVE, GrantStatus.ACTIVE));
  }

  @Test
  void activate_whenRevoked_isRejected() {
    assertThat(rejected(GrantFixtures.aRevokedGrant().build().activate(LATER)))
        .isEqualTo(new IllegalTransition(GrantStatus.REVOKED, GrantStatus.ACTIVE));
  }

  @Test
  void activate_whenPastExpiry_isRejectedAsExpired() {
    Grant grant = GrantFixtures.aPendingGrant().expiresIn(Duration.ofMinutes(1)).build();

    assertThat(rejected(grant.activate(LATER)))
        .isEqualTo(new IllegalTransition(GrantStatus.EXPIRED, GrantStatus.ACTIVE));
  }

  @Test
  void revoke_whenActive_isRevokedWithReason() {
    Grant revoked = applied(GrantFixtures.anActiveGrant().build().revoke(LATER, "left company"));

    assertThat(revoked.status()).isEqualTo(GrantStatus.REVOKED);
    assertThat(revoked.revokedAt()).contains(LATER);
    assertThat(revoked.revokeReason()).contains("left company");
  }

  @Test
  void revoke_whenPendingOrExpired_isAllowed() {
    assertThat(applied(GrantFixtures.aPendingGrant().build().revoke(LATER, "r")).status())
        .isEqualTo(GrantStatus.REVOKED);
    Grant expired = GrantFixtures.anActiveGrant().expiresIn(Duration.ofMinutes(1)).build();
    assertThat(applied(expired.revoke(LATER, "r")).status()).isEqualTo(GrantStatus.REVOKED);
  }

  @Test
  void revoke_whenRevoked_isRejectedBecauseTerminal() {
    assertThat(rejected(GrantFixtures.aRevokedGrant().build().revoke(LATER, "again")))
        .isEqualTo(new IllegalTransition(GrantStatus.REVOKED, GrantStatus.REVOKED));
  }

  @Test
  void revoked_noTransitionLeadsOut() {
    Grant revoked = GrantFixtures.aRevokedGrant().build();

    assertThat(revoked.activate(LATER)).isInstanceOf(GrantTransition.Rejected.class);
    assertThat(revoked.expire(LATER)).isInstanceOf(GrantTransition.Rejected.class);
    assertThat(revoked.replaceScope(Scope.of(Resource.NOTES), LATER))
        .isInstanceOf(GrantTransition.Rejected.class);
    assertThat(revoked.enroll(CertificateFixtures.aPin(), LATER))
        .isInstanceOf(GrantTransition.Rejected.class);
    assertThat(
            revoked.renew(
                CertificateFixtures.aPin(), CertificateFixtures.aPin().fingerprint(), LATER))
        .isInstanceOf(GrantTransition.Rejected.class);
  }

  @Test
  void expire_whenActive_becomesExpired() {
    assertThat(applied(GrantFixtures.anActiveGrant().build().expire(LATER)).status())
        .isEqualTo(GrantStatus.EXPIRED);
  }

  @Test
  void expire_whenExpired_isRejected() {
    Grant expired = applied(GrantFixtures.anActiveGrant().build().expire(LATER));
    assertThat(rejected(expired.expire(LATER)))
        .isEqualTo(new IllegalTransition(GrantStatus.EXPIRED, GrantStatus.EXPIRED));
  }

  @Test
  void effectiveStatus_atExpiry_isExpired() {
    Grant grant = GrantFixtures.anActiveGrant().expiresIn(Duration.ofMinutes(5)).build();

    assertThat(grant.effectiveStatus(LATER.minusNanos(1000))).isEqualTo(GrantStatus.ACTIVE);
    assertThat(grant.effectiveStatus(LATER)).isEqualTo(GrantStatus.EXPIRED);
    assertThat(grant.status()).isEqualTo(GrantStatus.ACTIVE);
  }

  @Test
  void effectiveStatus_revokedPastExpiry_staysRevoked() {
    Grant grant = GrantFixtures.aRevokedGrant().expiresIn(Duration.ofMinutes(1)).build();
    assertThat(grant.effectiveStatus(LATER)).isEqualTo(GrantStatus.REVOKED);
  }

  @Test
  void replaceScope_whenActive_replacesIt() {
    Scope narrower = ScopeFixtures.aScope().resources(Resource.NOTES).maxRows(5).build();

    Grant changed = applied(GrantFixtures.anActiveGrant().build().replaceScope(narrower, LATER));

    assertThat(changed.scope()).isEqualTo(narrower);
    assertThat(changed.status()).isEqualTo(GrantStatus.ACTIVE);
  }

  @Test
  void replaceScope_whenExpired_isRejected() {
    Grant grant = GrantFixtures.anActiveGrant().expiresIn(Duration.ofMinutes(1)).build();
    assertThat(rejected(grant.replaceScope(Scope.of(Resource.NOTES), LATER)))
        .isEqualTo(new IllegalTransition(GrantStatus.EXPIRED, GrantStatus.EXPIRED));
  }

  @Test
  void enroll_whenPending_activatesAndPinsOnlyThatCertificate() {
    PinnedCertificate pin = CertificateFixtures.aPin();

    Grant enrolled = applied(GrantFixtures.aPendingGrant().build().enroll(pin, LATER));

    assertThat(enrolled.status()).isEqualTo(GrantStatus.ACTIVE);
    assertThat(enrolled.activatedAt()).contains(LATER);
    assertThat(enrolled.pinnedCertificates().all()).containsExactly(pin);
  }

  @Test
  void enroll_whenActive_replacesThePinnedSet() {
    PinnedCertificate old1 = CertificateFixtures.aPin();
    PinnedCertificate old2 = CertificateFixtures.aPin();
    PinnedCertificate fresh = CertificateFixtures.aPin();
    Grant grant = GrantFixtures.anActiveGrant().pinned(old1, old2).build();

    Grant reEnrolled = applied(grant.enroll(fresh, LATER));

    assertThat(reEnrolled.pinnedCertificates().all()).containsExactly(fresh);
    assertThat(reEnrolled.activatedAt()).isEqualTo(grant.activatedAt());
  }

  @Test
  void renew_whenActive_keepsPreviousAsSecondPin() {
    PinnedCertificate first = CertificateFixtures.aPin();
    PinnedCertificate second = CertificateFixtures.aPin();
    Grant grant = GrantFixtures.anActiveGrant().pinned(first).build();

    Grant renewed = applied(grant.renew(second, first.fingerprint(), LATER));

    assertThat(renewed.pinnedCertificates().all()).containsExactly(second, first);
    assertThat(renewed.isPinned(first.fingerprint(), LATER)).isTrue();
  }

  @Test
  void renew_presentedByThePreviousPin_keepsItAndDropsTheCurrent() {
    PinnedCertificate oldest = CertificateFixtures.aPin();
    PinnedCertificate lost = CertificateFixtures.aPin();
    PinnedCertificate fresh = CertificateFixtures.aPin();
    Grant grant = GrantFixtures.anActiveGrant().pinned(lost, oldest).build();

    Grant renewed = applied(grant.renew(fresh, oldest.fingerprint(), LATER));

    assertThat(renewed.pinnedCertificates().all()).containsExactly(fresh, oldest);
    assertThat(renewed.isPinned(lost.fingerprint(), LATER)).isFalse();
  }

  @Test
  void renew_presentedByAnUnpinnedCertificate_isAProgrammingError() {
    Grant grant = GrantFixtures.anActiveGrant().pinned(CertificateFixtures.aPin()).build();

    assertThatThrownBy(
            () ->
                grant.renew(
                    CertificateFixtures.aPin(), CertificateFixtures.aPin().fingerprint(), LATER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void renew_whenPending_isRejected() {
    assertThat(
            rejected(
                GrantFixtures.aPendingGrant()
                    .build()
                    .renew(
                        CertificateFixtures.aPin(),
                        CertificateFixtures.aPin().fingerprint(),
                        LATER)))
        .isEqualTo(new IllegalTransition(GrantStatus.PENDING, GrantStatus.PENDING));
  }

  @Test
  void transitions_leaveTheOriginalUnchanged() {
    Grant original = GrantFixtures.anActiveGrant().build();
    Grant copy = GrantFixtures.anActiveGrant().withId(original.id()).build();

    original.revoke(LATER, "x");

    assertThat(original.status()).isEqualTo(GrantStatus.ACTIVE);
    assertThat(original.id()).isEqualTo(copy.id());
  }

  @Test
  void illegalTransition_message_namesBothStates() {
    assertThat(new IllegalTransition(GrantStatus.REVOKED, GrantStatus.ACTIVE).message())
        .isEqualTo("cannot go from revoked to active");
  }
}
