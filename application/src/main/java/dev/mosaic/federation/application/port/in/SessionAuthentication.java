package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.user.User;
import java.util.Objects;

/** The outcome of {@link AuthenticateSessionUseCase#authenticate}. */
public sealed interface SessionAuthentication {
  /** The token belongs to this (undeleted) local user. */
  record Authenticated(User user) implements SessionAuthentication {
    public Authenticated {
      Objects.requireNonNull(user, "user");
    }
  }

  /**
   * 401 {@code unauthorized}: malformed or unknown token, or its user is deleted — one answer for
   * all.
   */
  record Unauthenticated() implements SessionAuthentication {}
}
