package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.peer.Peer;
import dev.mosaic.federation.domain.scope.ScopeViolation;
import java.util.List;
import java.util.Objects;

/** The outcome of {@link CreateGrantUseCase#create}. Only {@link Created} changed anything. */
public sealed interface CreateGrantResult {
  /**
   * A pending grant was stored (and the peer, when {@code peerCreated}).
   *
   * @param warnings to show the operator, e.g. a sensitive resource in the scope
   */
  record Created(Grant grant, Peer peer, boolean peerCreated, List<String> warnings)
      implements CreateGrantResult {
    public Created {
      Objects.requireNonNull(grant, "grant");
      Objects.requireNonNull(peer, "peer");
      warnings = List.copyOf(warnings);
    }
  }

  /** The scope document breaks SPEC §6; each violation names its field. */
  record InvalidScope(List<ScopeViolation> violations) implements CreateGrantResult {
    public InvalidScope {
      violations = List.copyOf(violations);
    }
  }

  /** No (undeleted) user has that handle or id. */
  record UnknownSubject(String subject) implements CreateGrantResult {}

  /** The peer name is not a valid host-like name. */
  record InvalidPeerName(String message) implements CreateGrantResult {}

  /** The expiry is not positive. */
  record InvalidExpiry(String message) implements CreateGrantResult {}
}
