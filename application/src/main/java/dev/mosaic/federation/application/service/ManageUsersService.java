package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.AddUserCommand;
import dev.mosaic.federation.application.port.in.AddUserResult;
import dev.mosaic.federation.application.port.in.DeleteUserResult;
import dev.mosaic.federation.application.port.in.ManageUsersUseCase;
import dev.mosaic.federation.application.port.in.RevokeGrantCommand;
import dev.mosaic.federation.application.port.in.RevokeGrantResult;
import dev.mosaic.federation.application.port.in.RevokeGrantUseCase;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.IdGenerator;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.SessionTokenRepository;
import dev.mosaic.federation.application.port.out.Transactor;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ManageUsersUseCase}. Deleting a user revokes their grants first (each through {@link
 * RevokeGrantUseCase}, so each gets its own audit row, revoked list entries and broadcast), and
 * only then marks the user deleted: a failure half way leaves a user that a second {@code delete}
 * finishes, never a deleted user with live grants.
 */
public class ManageUsersService implements ManageUsersUseCase {
  static final String REVOKE_REASON = "subject user deleted";
  static final int MAX_DISPLAY_NAME = 200;

  private final Transactor transactor;
  private final UserDirectory users;
  private final GrantRepository grants;
  private final SessionTokenRepository sessionTokens;
  private final RevokeGrantUseCase revokeGrant;
  private final IdGenerator ids;
  private final InstantSource clock;

  @Inject
  public ManageUsersService(
      Transactor transactor,
      UserDirectory users,
      GrantRepository grants,
      SessionTokenRepository sessionTokens,
      RevokeGrantUseCase revokeGrant,
      IdGenerator ids,
      InstantSource clock) {
    this.transactor = transactor;
    this.users = users;
    this.grants = grants;
    this.sessionTokens = sessionTokens;
    this.revokeGrant = revokeGrant;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public AddUserResult add(AddUserCommand command) {
    String handle = command.handle().strip();
    if (!User.isValidHandle(handle)) {
      return new AddUserResult.Invalid(
          "handle '"
              + handle
              + "' is not valid: 1-64 characters of a-z, 0-9, '.', '_', '-', starting with a"
              + " letter or digit");
    }
    Optional<String> displayName = command.displayName().map(String::strip);
    if (displayName.isPresent()
        && (displayName.get().isEmpty() || displayName.get().length() > MAX_DISPLAY_NAME)) {
      return new AddUserResult.Invalid(
          "the display name must be 1-" + MAX_DISPLAY_NAME + " characters, not blank");
    }
    User user = new User(new UserId(ids.newId()), handle, displayName, Optional.empty());
    if (users.addUser(user) == InsertOutcome.DUPLICATE) {
      return new AddUserResult.DuplicateHandle(handle);
    }
    return new AddUserResult.Added(user);
  }

  @Override
  public List<User> list() {
    return users.listUsers();
  }

  @Override
  public DeleteUserResult delete(String handle) {
    Optional<User> found = users.findUserByHandle(handle.strip());
    if (found.isEmpty()) {
      return new DeleteUserResult.NotFound(handle);
    }
    User user = found.get();
    if (user.isDeleted()) {
      return new DeleteUserResult.AlreadyDeleted(user);
    }
    List<GrantId> revoked = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Grant grant : grants.findBySubject(user.id())) {
      if (grant.status() == GrantStatus.REVOKED) {
        continue;
      }
      RevokeGrantResult result =
          revokeGrant.revoke(new RevokeGrantCommand(grant.id(), Optional.of(REVOKE_REASON)));
      if (result instanceof RevokeGrantResult.Revoked done) {
        revoked.add(grant.id());
        warnings.addAll(done.warnings());
      }
    }
    Instant now = Times.now(clock);
    boolean marked =
        transactor.inTransaction(
            () -> {
              sessionTokens.deleteByUser(user.id());
              return users.markUserDeleted(user.id(), now);
            });
    if (!marked) {
      return new DeleteUserResult.AlreadyDeleted(user);
    }
    User deleted = new User(user.id(), user.handle(), user.displayName(), Optional.of(now));
    return new DeleteUserResult.Deleted(deleted, revoked, warnings);
  }
}
