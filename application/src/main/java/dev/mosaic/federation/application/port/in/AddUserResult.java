package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.user.User;
import java.util.Objects;

/** The outcome of {@link ManageUsersUseCase#add}. */
public sealed interface AddUserResult {
  /** 0. */
  record Added(User user) implements AddUserResult {
    public Added {
      Objects.requireNonNull(user, "user");
    }
  }

  /** 2: the handle or display name is not acceptable; {@code message} says why. */
  record Invalid(String message) implements AddUserResult {}

  /** 4: the handle is taken (also by a deleted user). */
  record DuplicateHandle(String handle) implements AddUserResult {}
}
