package dev.mosaic.federation.domain.grant;

import java.util.Objects;

/**
 * A transition the grant's lifecycle forbids. {@code from} is the effective status at the time of
 * the attempt; for operations that keep the status (scope replacement, certificate renewal) {@code
 * to} equals the status the grant would have kept.
 */
public record IllegalTransition(GrantStatus from, GrantStatus to) {
  public IllegalTransition {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  /** A message for operators, e.g. {@code cannot go from revoked to active}. */
  public String message() {
    return from == to
        ? "not allowed while the grant is " + from.wireName()
        : "cannot go from " + from.wireName() + " to " + to.wireName();
  }
}
