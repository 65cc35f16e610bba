package dev.mosaic.federation.domain.access;

import dev.mosaic.federation.domain.scope.Resource;
import java.util.Objects;

/** The result of {@link AccessPolicy#decide}. */
public sealed interface AccessDecision {
  /** Serve {@code resource} under {@code filter}, at most {@code limit} rows. */
  record Allowed(Resource resource, EffectiveFilter filter, int limit) implements AccessDecision {
    public Allowed {
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(filter, "filter");
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be positive");
      }
    }
  }

  /** Refused; nothing may be read. */
  record Denied(DenialReason reason) implements AccessDecision {
    public Denied {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
