package dev.mosaic.federation.domain.scope;

import java.util.Objects;

/**
 * One reason a scope document was rejected.
 *
 * @param field the path of the offending field, e.g. {@code resources[1]} or {@code
 *     filters.tasks.include_teamz}; {@code $} for the document itself
 * @param message what is wrong, naming the offending value
 */
public record ScopeViolation(String field, String message) {
  public ScopeViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
