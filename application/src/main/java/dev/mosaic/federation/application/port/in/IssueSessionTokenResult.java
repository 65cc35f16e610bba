package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.user.User;
import java.util.Objects;

/** The outcome of {@link IssueSessionTokenUseCase#issue}. */
public sealed interface IssueSessionTokenResult {
  /** 0: the token's hash is stored; {@code token} is the only copy of the token itself. */
  record Issued(User user, SessionTokenSecret token) implements IssueSessionTokenResult {
    public Issued {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(token, "token");
    }
  }

  /** 3: no undeleted user has that handle. */
  record UnknownUser(String handle) implements IssueSessionTokenResult {}
}
