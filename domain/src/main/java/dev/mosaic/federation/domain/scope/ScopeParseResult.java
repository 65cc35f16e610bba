package dev.mosaic.federation.domain.scope;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link Scope#parse(Object)}. */
public sealed interface ScopeParseResult {
  /** A valid scope, with warnings to show the operator (e.g. a sensitive resource listed). */
  record Parsed(Scope scope, List<String> warnings) implements ScopeParseResult {
    public Parsed {
      Objects.requireNonNull(scope, "scope");
      warnings = List.copyOf(warnings);
    }
  }

  /** An invalid document; every violation found, each naming its field. */
  record Rejected(List<ScopeViolation> violations) implements ScopeParseResult {
    public Rejected {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("a rejection has at least one violation");
      }
    }
  }
}
