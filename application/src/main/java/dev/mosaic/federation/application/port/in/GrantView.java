package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.peer.PeerName;
import java.util.Objects;
import java.util.Optional;

/**
 * A grant as listings show it. The grant carries its scope, times and pinned certificates.
 *
 * @param subjectHandle the subject user's handle (empty only if the user row is missing)
 * @param effectiveStatus the status as of now: {@code expired} once past {@code expiresAt}, even
 *     before a job has stored that
 */
public record GrantView(
    Grant grant, PeerName peerName, Optional<String> subjectHandle, GrantStatus effectiveStatus) {
  public GrantView {
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(peerName, "peerName");
    Objects.requireNonNull(subjectHandle, "subjectHandle");
    Objects.requireNonNull(effectiveStatus, "effectiveStatus");
  }
}
