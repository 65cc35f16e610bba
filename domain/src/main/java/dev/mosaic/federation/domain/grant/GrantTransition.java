package dev.mosaic.federation.domain.grant;

import java.util.Objects;

/** The result of a transition of a {@link Grant}. */
public sealed interface GrantTransition {
  /** The transition happened; {@code grant} is the new state (the old object is unchanged). */
  record Applied(Grant grant) implements GrantTransition {
    public Applied {
      Objects.requireNonNull(grant, "grant");
    }
  }

  /** The transition is not allowed from the grant's effective status; nothing changed. */
  record Rejected(IllegalTransition reason) implements GrantTransition {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
