package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkId;
import dev.mosaic.federation.domain.link.LinkState;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.user.UserId;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A link as listings show it: everything but key material.
 *
 * @param localUserHandle the owner's handle
 * @param peerName the name under which the owner addresses the peer
 * @param endpoint the peer's base URL
 */
public record LinkView(
    LinkId id,
    UserId localUserId,
    String localUserHandle,
    PeerName peerName,
    URI endpoint,
    GrantId grantId,
    UserId remoteSubjectUserId,
    LinkState state,
    Optional<String> stateReason,
    CertificateFingerprint certificateFingerprint,
    Instant certificateNotAfter,
    CertificateFingerprint pinnedCaFingerprint,
    Instant createdAt,
    Instant updatedAt) {
  public LinkView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(localUserId, "localUserId");
    Objects.requireNonNull(localUserHandle, "localUserHandle");
    Objects.requireNonNull(peerName, "peerName");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(remoteSubjectUserId, "remoteSubjectUserId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(stateReason, "stateReason");
    Objects.requireNonNull(certificateFingerprint, "certificateFingerprint");
    Objects.requireNonNull(certificateNotAfter, "certificateNotAfter");
    Objects.requireNonNull(pinnedCaFingerprint, "pinnedCaFingerprint");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** The view of {@code link}, owned by the user with handle {@code ownerHandle}. */
  public static LinkView of(Link link, String ownerHandle) {
    return new LinkView(
        link.id(),
        link.localUserId(),
        ownerHandle,
        link.peerName(),
        link.endpoint(),
        link.grantId(),
        link.remoteSubjectUserId(),
        link.state(),
        link.stateReason(),
        link.certificate().fingerprint(),
        link.certificate().notAfter(),
        link.pinnedCaFingerprint(),
        link.createdAt(),
        link.updatedAt());
  }
}
