package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.user.User;
import java.util.List;
import java.util.Objects;

/** The outcome of {@link ManageUsersUseCase#delete}. */
public sealed interface DeleteUserResult {
  /**
   * 0: the user is marked deleted, their session tokens are gone, and every grant whose subject
   * they are is revoked.
   *
   * @param revokedGrants the grants this call revoked (grants already revoked are not listed)
   * @param warnings follow-up steps of a revocation that failed (CA revoke, broadcast)
   */
  record Deleted(User user, List<GrantId> revokedGrants, List<String> warnings)
      implements DeleteUserResult {
    public Deleted {
      Objects.requireNonNull(user, "user");
      revokedGrants = List.copyOf(revokedGrants);
      warnings = List.copyOf(warnings);
    }
  }

  /** 3: no user has that handle. */
  record NotFound(String handle) implements DeleteUserResult {}

  /** 4: the user is already deleted. */
  record AlreadyDeleted(User user) implements DeleteUserResult {}
}
