package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.user.Team;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Local users, teams and memberships ({@code users}, {@code teams}, {@code team_members}).
 *
 * <p>Every method throws {@link InfrastructureException} when the store fails, and nothing else.
 */
public interface UserDirectory {
  /**
   * @return {@link InsertOutcome#DUPLICATE} when the id or handle is taken (nothing written)
   */
  InsertOutcome addUser(User user);

  /** The user, deleted or not. */
  Optional<User> findUserById(UserId id);

  /** The user with this handle, deleted or not. */
  Optional<User> findUserByHandle(String handle);

  /** Every user, ordered by handle. */
  List<User> listUsers();

  /**
   * Marks the user deleted at {@code at}.
   *
   * @return false when the user is unknown or already deleted
   */
  boolean markUserDeleted(UserId id, Instant at);

  /**
   * @return {@link InsertOutcome#DUPLICATE} when the id or name is taken (nothing written)
   */
  InsertOutcome addTeam(Team team);

  Optional<Team> findTeamById(TeamId id);

  Optional<Team> findTeamByName(String name);

  /** Every team, ordered by name. */
  List<Team> listTeams();

  /**
   * Adds {@code user} to {@code team}.
   *
   * @return false when the user already is a member
   * @throws InfrastructureException also when the team or user does not exist (non-transient)
   */
  boolean addMember(TeamId team, UserId user);

  Set<UserId> membersOf(TeamId team);
}
