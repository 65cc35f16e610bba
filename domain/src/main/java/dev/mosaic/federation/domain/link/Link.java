package dev.mosaic.federation.domain.link;

import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.user.UserId;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The requesting side's record of one grant at one remote gateway, owned by one local user.
 * Immutable; transitions return a {@link LinkTransition}.
 */
public final class Link {
  private final LinkId id;
  private final UserId localUserId;
  private final PeerName peerName;
  private final URI endpoint;
  private final GrantId grantId;
  private final UserId remoteSubjectUserId;
  private final CertificateFingerprint pinnedCaFingerprint;
  private final LinkCertificate certificate;
  private final LinkState state;
  private final Optional<String> stateReason;
  private final Instant createdAt;
  private final Instant updatedAt;

  private Link(
      LinkId id,
      UserId localUserId,
      PeerName peerName,
      URI endpoint,
      GrantId grantId,
      UserId remoteSubjectUserId,
      CertificateFingerprint pinnedCaFingerprint,
      LinkCertificate certificate,
      LinkState state,
      Optional<String> stateReason,
      Instant createdAt,
      Instant updatedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.localUserId = Objects.requireNonNull(localUserId, "localUserId");
    this.peerName = Objects.requireNonNull(peerName, "peerName");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.grantId = Objects.requireNonNull(grantId, "grantId");
    this.remoteSubjectUserId = Objects.requireNonNull(remoteSubjectUserId, "remoteSubjectUserId");
    this.pinnedCaFingerprint = Objects.requireNonNull(pinnedCaFingerprint, "pinnedCaFingerprint");
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    this.state = Objects.requireNonNull(state, "state");
    this.stateReason = Objects.requireNonNull(stateReason, "stateReason");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * A new, active link after a successful enrollment.
   *
   * @param peerName the name (or alias) under which the local user addresses the peer; unique per
   *     local user
   * @param endpoint the peer's base URL, e.g. {@code https://work.example:8443}
   */
  public static Link create(
      LinkId id,
      UserId localUserId,
      PeerName peerName,
      URI endpoint,
      GrantId grantId,
      UserId remoteSubjectUserId,
      CertificateFingerprint pinnedCaFingerprint,
      LinkCertificate certificate,
      Instant now) {
    return new Link(
        id,
        localUserId,
        peerName,
        endpoint,
        grantId,
        remoteSubjectUserId,
        pinnedCaFingerprint,
        certificate,
        LinkState.ACTIVE,
        Optional.empty(),
        now,
        now);
  }

  /** Reconstitutes a stored link exactly as saved. For persistence adapters only. */
  public static Link rehydrate(
      LinkId id,
      UserId localUserId,
      PeerName peerName,
      URI endpoint,
      GrantId grantId,
      UserId remoteSubjectUserId,
      CertificateFingerprint pinnedCaFingerprint,
      LinkCertificate certificate,
      LinkState state,
      Optional<String> stateReason,
      Instant createdAt,
      Instant updatedAt) {
    return new Link(
        id,
        localUserId,
        peerName,
        endpoint,
        grantId,
        remoteSubjectUserId,
        pinnedCaFingerprint,
        certificate,
        state,
        stateReason,
        createdAt,
        updatedAt);
  }

  /** ACTIVE or DEGRADED → DEGRADED (e.g. a renewal failed), recording why. */
  public LinkTransition degrade(String reason, Instant now) {
    Objects.requireNonNull(reason, "reason");
    if (state == LinkState.REVOKED) {
      return reject(LinkState.DEGRADED);
    }
    return apply(copy(LinkState.DEGRADED, Optional.of(reason), certificate, now));
  }

  /** DEGRADED or ACTIVE → ACTIVE. */
  public LinkTransition recover(Instant now) {
    if (state == LinkState.REVOKED) {
      return reject(LinkState.ACTIVE);
    }
    return apply(copy(LinkState.ACTIVE, Optional.empty(), certificate, now));
  }

  /** ACTIVE or DEGRADED → REVOKED (terminal), after the peer answered {@code grant_revoked}. */
  public LinkTransition revoke(String reason, Instant now) {
    Objects.requireNonNull(reason, "reason");
    if (state == LinkState.REVOKED) {
      return reject(LinkState.REVOKED);
    }
    return apply(copy(LinkState.REVOKED, Optional.of(reason), certificate, now));
  }

  /** A renewed or re-enrolled certificate; the link becomes ACTIVE. Revoked links never renew. */
  public LinkTransition replaceCertificate(LinkCertificate newCertificate, Instant now) {
    Objects.requireNonNull(newCertificate, "newCertificate");
    if (state == LinkState.REVOKED) {
      return reject(LinkState.ACTIVE);
    }
    return apply(copy(LinkState.ACTIVE, Optional.empty(), newCertificate, now));
  }

  private LinkTransition reject(LinkState to) {
    return new LinkTransition.Rejected(new IllegalLinkTransition(state, to));
  }

  private static LinkTransition apply(Link link) {
    return new LinkTransition.Applied(link);
  }

  private Link copy(
      LinkState newState, Optional<String> reason, LinkCertificate newCertificate, Instant now) {
    return new Link(
        id,
        localUserId,
        peerName,
        endpoint,
        grantId,
        remoteSubjectUserId,
        pinnedCaFingerprint,
        newCertificate,
        newState,
        reason,
        createdAt,
        now);
  }

  public LinkId id() {
    return id;
  }

  public UserId localUserId() {
    return localUserId;
  }

  public PeerName peerName() {
    return peerName;
  }

  public URI endpoint() {
    return endpoint;
  }

  public GrantId grantId() {
    return grantId;
  }

  public UserId remoteSubjectUserId() {
    return remoteSubjectUserId;
  }

  public CertificateFingerprint pinnedCaFingerprint() {
    return pinnedCaFingerprint;
  }

  public LinkCertificate certificate() {
    return certificate;
  }

  public LinkState state() {
    return state;
  }

  /** Why the link is degraded or revoked; empty when active. */
  public Optional<String> stateReason() {
    return stateReason;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Link l
        && id.equals(l.id)
        && localUserId.equals(l.localUserId)
        && peerName.equals(l.peerName)
        && endpoint.equals(l.endpoint)
        && grantId.equals(l.grantId)
        && remoteSubjectUserId.equals(l.remoteSubjectUserId)
        && pinnedCaFingerprint.equals(l.pinnedCaFingerprint)
        && certificate.equals(l.certificate)
        && state == l.state
        && stateReason.equals(l.stateReason)
        && createdAt.equals(l.createdAt)
        && updatedAt.equals(l.updatedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, state, updatedAt);
  }

  @Override
  public String toString() {
    return "Link["
        + id
        + ", "
        + peerName
        + ", "
        + state.wireName()
        + ", owner "
        + localUserId
        + "]";
  }
}
