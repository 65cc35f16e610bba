package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.scope.ScopeViolation;
import java.util.List;
import java.util.Objects;

/** The outcome of {@link ChangeGrantScopeUseCase#changeScope}. Only {@link Changed} wrote. */
public sealed interface ChangeGrantScopeResult {
  /**
   * The new scope is stored (committed) and audited.
   *
   * @param warnings to show the operator, e.g. a sensitive resource in the scope
   */
  record Changed(Grant grant, List<String> warnings) implements ChangeGrantScopeResult {
    public Changed {
      Objects.requireNonNull(grant, "grant");
      warnings = List.copyOf(warnings);
    }
  }

  /** The scope document breaks SPEC §6; each violation names its field. */
  record InvalidScope(List<ScopeViolation> violations) implements ChangeGrantScopeResult {
    public InvalidScope {
      violations = List.copyOf(violations);
    }
  }

  record NotFound(GrantId grantId) implements ChangeGrantScopeResult {}

  /** The grant is revoked or expired: its scope no longer changes. */
  record NotChangeable(GrantId grantId, GrantStatus status) implements ChangeGrantScopeResult {}
}
