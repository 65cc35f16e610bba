package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.user.User;
import java.util.List;

/**
 * {@code mosaic user add|list|delete}.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when a store fails
 */
public interface ManageUsersUseCase {
  AddUserResult add(AddUserCommand command);

  /** Every user, deleted ones included (see {@link User#deletedAt()}), ordered by handle. */
  List<User> list();

  /**
   * Marks the user deleted, drops their session tokens and revokes every grant whose subject they
   * are — and no other grant.
   */
  DeleteUserResult delete(String handle);
}
