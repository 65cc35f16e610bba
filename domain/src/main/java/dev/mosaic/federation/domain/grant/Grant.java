package dev.mosaic.federation.domain.grant;

import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.PinnedCertificate;
import dev.mosaic.federation.domain.pki.PinnedCertificates;
import dev.mosaic.federation.domain.scope.Scope;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A scoped, revocable permission on the serving side: one peer × one subject user × one scope, with
 * its own pinned certificates. Immutable; every transition returns a {@link GrantTransition} with
 * the new state and never throws for a business reason. Transitions look at the {@link
 * #effectiveStatus(Instant) effective status}, so a grant past its expiry behaves as expired before
 * any job has stored that.
 */
public final class Grant {
  private final GrantId id;
  private final PeerId peerId;
  private final UserId subjectUserId;
  private final Scope scope;
  private final GrantStatus status;
  private final Instant createdAt;
  private final Optional<Instant> expiresAt;
  private final Optional<Instant> activatedAt;
  private final Optional<Instant> revokedAt;
  private final Optional<String> revokeReason;
  private final Instant updatedAt;
  private final PinnedCertificates pinnedCertificates;

  private Grant(
      GrantId id,
      PeerId peerId,
      UserId subjectUserId,
      Scope scope,
      GrantStatus status,
      Instant createdAt,
      Optional<Instant> expiresAt,
      Optional<Instant> activatedAt,
      Optional<Instant> revokedAt,
      Optional<String> revokeReason,
      Instant updatedAt,
      PinnedCertificates pinnedCertificates) {
    this.id = Objects.requireNonNull(id, "id");
    this.peerId = Objects.requireNonNull(peerId, "peerId");
    this.subjectUserId = Objects.requireNonNull(subjectUserId, "subjectUserId");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.status = Objects.requireNonNull(status, "status");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    this.activatedAt = Objects.requireNonNull(activatedAt, "activatedAt");
    this.revokedAt = Objects.requireNonNull(revokedAt, "revokedAt");
    this.revokeReason = Objects.requireNonNull(revokeReason, "revokeReason");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    this.pinnedCertificates = Objects.requireNonNull(pinnedCertificates, "pinnedCertificates");
    if (expiresAt.isPresent() && !expiresAt.get().isAfter(createdAt)) {
      throw new IllegalArgumentException("expiresAt must be after createdAt");
    }
    if (status == GrantStatus.REVOKED && revokedAt.isEmpty()) {
      throw new IllegalArgumentException("a revoked grant has a revokedAt");
    }
  }

  /**
   * A new grant in state {@link GrantStatus#PENDING}.
   *
   * @throws IllegalArgumentException when {@code expiresAt} is not after {@code createdAt}
   */
  public static Grant create(
      GrantId id,
      PeerId peerId,
      UserId subjectUserId,
      Scope scope,
      Instant createdAt,
      Optional<Instant> expiresAt) {
    return new Grant(
        id,
        peerId,
        subjectUserId,
        scope,
        GrantStatus.PENDING,
        createdAt,
        expiresAt,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        createdAt,
        PinnedCertificates.none());
  }

  /** Reconstitutes a stored grant exactly as it was saved. For persistence adapters only. */
  public static Grant rehydrate(
      GrantId id,
      PeerId peerId,
      UserId subjectUserId,
      Scope scope,
      GrantStatus status,
      Instant createdAt,
      Optional<Instant> expiresAt,
      Optional<Instant> activatedAt,
      Optional<Instant> revokedAt,
      Optional<String> revokeReason,
      Instant updatedAt,
      PinnedCertificates pinnedCertificates) {
    return new Grant(
        id,
        peerId,
        subjectUserId,
        scope,
        status,
        createdAt,
        expiresAt,
        activatedAt,
        revokedAt,
        revokeReason,
        updatedAt,
        pinnedCertificates);
  }

  /**
   * The status as of {@code now}: a pending or active grant at or past its {@code expiresAt} is
   * {@link GrantStatus#EXPIRED}.
   */
  public GrantStatus effectiveStatus(Instant now) {
    if ((status == GrantStatus.PENDING || status == GrantStatus.ACTIVE)
        && expiresAt.isPresent()
        && !now.isBefore(expiresAt.get())) {
      return GrantStatus.EXPIRED;
    }
    return status;
  }

  /** Whether {@code fingerprint} is pinned for this grant at {@code now}. */
  public boolean isPinned(CertificateFingerprint fingerprint, Instant now) {
    return pinnedCertificates.isPinned(fingerprint, now);
  }

  /** PENDING → ACTIVE. */
  public GrantTransition activate(Instant now) {
    GrantStatus from = effectiveStatus(now);
    if (from != GrantStatus.PENDING) {
      return reject(from, GrantStatus.ACTIVE);
    }
    return apply(
        copy(GrantStatus.ACTIVE, scope, Optional.of(now), revokedAt, revokeReason, now, pinned()));
  }

  /**
   * Enrollment: pins {@code certificate} as the only certificate (replacing the set) and activates
   * a pending grant; an active grant re-enrolls and stays active. Revoked or expired → rejected.
   */
  public GrantTransition enroll(PinnedCertificate certificate, Instant now) {
    GrantStatus from = effectiveStatus(now);
    if (from != GrantStatus.PENDING && from != GrantStatus.ACTIVE) {
      return reject(from, GrantStatus.ACTIVE);
    }
    Optional<Instant> activated = activatedAt.isPresent() ? activatedAt : Optional.of(now);
    return apply(
        copy(
            GrantStatus.ACTIVE,
            scope,
            activated,
            revokedAt,
            revokeReason,
            now,
            pinnedCertificates.enroll(certificate)));
  }

  /**
   * Renewal over a connection authenticated by {@code presentedBy}: {@code certificate} becomes the
   * current pin, the presenting certificate the previous one (see {@link
   * PinnedCertificates#renew}). Only an active grant renews.
   *
   * @throws IllegalArgumentException when {@code presentedBy} is not pinned for this grant
   */
  public GrantTransition renew(
      PinnedCertificate certificate, CertificateFingerprint presentedBy, Instant now) {
    GrantStatus from = effectiveStatus(now);
    if (from != GrantStatus.ACTIVE) {
      return reject(from, from);
    }
    return apply(
        copy(
            status,
            scope,
            activatedAt,
            revokedAt,
            revokeReason,
            now,
            pinnedCertificates.renew(certificate, presentedBy)));
  }

  /** PENDING, ACTIVE or EXPIRED → REVOKED (terminal). */
  public GrantTransition revoke(Instant now, String reason) {
    Objects.requireNonNull(reason, "reason");
    GrantStatus from = effectiveStatus(now);
    if (from == GrantStatus.REVOKED) {
      return reject(from, GrantStatus.REVOKED);
    }
    return apply(
        copy(
            GrantStatus.REVOKED,
            scope,
            activatedAt,
            Optional.of(now),
            Optional.of(reason),
            now,
            pinned()));
  }

  /** PENDING or ACTIVE → EXPIRED (the expiry job stores what {@link #effectiveStatus} reports). */
  public GrantTransition expire(Instant now) {
    if (status != GrantStatus.PENDING && status != GrantStatus.ACTIVE) {
      return reject(status, GrantStatus.EXPIRED);
    }
    return apply(
        copy(GrantStatus.EXPIRED, scope, activatedAt, revokedAt, revokeReason, now, pinned()));
  }

  /** Replaces the scope of a pending or active grant; the next request uses the new one. */
  public GrantTransition replaceScope(Scope newScope, Instant now) {
    Objects.requireNonNull(newScope, "newScope");
    GrantStatus from = effectiveStatus(now);
    if (from != GrantStatus.PENDING && from != GrantStatus.ACTIVE) {
      return reject(from, from);
    }
    return apply(copy(status, newScope, activatedAt, revokedAt, revokeReason, now, pinned()));
  }

  private PinnedCertificates pinned() {
    return pinnedCertificates;
  }

  private Grant copy(
      GrantStatus newStatus,
      Scope newScope,
      Optional<Instant> newActivatedAt,
      Optional<Instant> newRevokedAt,
      Optional<String> newRevokeReason,
      Instant newUpdatedAt,
      PinnedCertificates newPins) {
    return new Grant(
        id,
        peerId,
        subjectUserId,
        newScope,
        newStatus,
        createdAt,
        expiresAt,
        newActivatedAt,
        newRevokedAt,
        newRevokeReason,
        newUpdatedAt,
        newPins);
  }

  private static GrantTransition apply(Grant grant) {
    return new GrantTransition.Applied(grant);
  }

  private static GrantTransition reject(GrantStatus from, GrantStatus to) {
    return new GrantTransition.Rejected(new IllegalTransition(from, to));
  }

  public GrantId id() {
    return id;
  }

  public PeerId peerId() {
    return peerId;
  }

  public UserId subjectUserId() {
    return subjectUserId;
  }

  public Scope scope() {
    return scope;
  }

  /** The stored status; see {@link #effectiveStatus(Instant)} for the one that governs. */
  public GrantStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> expiresAt() {
    return expiresAt;
  }

  public Optional<Instant> activatedAt() {
    return activatedAt;
  }

  public Optional<Instant> revokedAt() {
    return revokedAt;
  }

  public Optional<String> revokeReason() {
    return revokeReason;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public PinnedCertificates pinnedCertificates() {
    return pinnedCertificates;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Grant g
        && id.equals(g.id)
        && peerId.equals(g.peerId)
        && subjectUserId.equals(g.subjectUserId)
        && scope.equals(g.scope)
        && status == g.status
        && createdAt.equals(g.createdAt)
        && expiresAt.equals(g.expiresAt)
        && activatedAt.equals(g.activatedAt)
        && revokedAt.equals(g.revokedAt)
        && revokeReason.equals(g.revokeReason)
        && updatedAt.equals(g.updatedAt)
        && pinnedCertificates.equals(g.pinnedCertificates);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, status, updatedAt);
  }

  @Override
  public String toString() {
    return "Grant["
        + id
        + ", "
        + status.wireName()
        + ", peer "
        + peerId
        + ", subject "
        + subjectUserId
        + "]";
  }
}
