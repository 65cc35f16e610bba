package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.user.Team;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link UserDirectory}: users, teams, memberships. */
public abstract class UserDirectoryContract {
  protected UserDirectory users;

  protected abstract UserDirectory createUserDirectory();

  @BeforeEach
  void setUpUserDirectoryContract() {
    users = createUserDirectory();
  }

  private static User aUser() {
    return new User(
        new UserId(UUID.randomUUID()),
        "u-" + UUID.randomUUID(),
        Optional.of("Ada Lovelace"),
        Optional.empty());
  }

  private static Team aTeam() {
    return new Team(new TeamId(UUID.randomUUID()), "team " + UUID.randomUUID());
  }

  @Test
  void addUser_isFoundByIdAndHandleEqual() {
    User user = aUser();

    assertThat(users.addUser(user)).isEqualTo(InsertOutcome.INSERTED);

    assertThat(users.findUserById(user.id())).contains(user);
    assertThat(users.findUserByHandle(user.handle())).contains(user);
    assertThat(users.listUsers()).contains(user);
  }

  @Test
  void addUser_takenHandle_isDuplicate() {
    User user = aUser();
    users.addUser(user);
    User sameHandle = User.of(new UserId(UUID.randomUUID()), user.handle());

    assertThat(users.addUser(sameHandle)).isEqualTo(InsertOutcome.DUPLICATE);
    assertThat(users.findUserById(sameHandle.id())).isEmpty();
  }

  @Test
  void markUserDeleted_onceOnly_andUserStaysFindable() {
    User user = aUser();
    users.addUser(user);

    assertThat(users.markUserDeleted(user.id(), Times.T0)).isTrue();
    assertThat(users.markUserDeleted(user.id(), Times.T0)).isFalse();

    assertThat(users.findUserById(user.id()).orElseThrow().deletedAt()).contains(Times.T0);
    assertThat(users.markUserDeleted(new UserId(UUID.randomUUID()), Times.T0)).isFalse();
  }

  @Test
  void addTeam_isFoundByIdAndName_duplicateNameRefused() {
    Team team = aTeam();

    assertThat(users.addTeam(team)).isEqualTo(InsertOutcome.INSERTED);
    assertThat(users.addTeam(new Team(new TeamId(UUID.randomUUID()), team.name())))
        .isEqualTo(InsertOutcome.DUPLICATE);

    assertThat(users.findTeamById(team.id())).contains(team);
    assertThat(users.findTeamByName(team.name())).contains(team);
    assertThat(users.listTeams()).contains(team);
  }

  @Test
  void addMember_onceOnly_andListed() {
    Team team = aTeam();
    User a = aUser();
    User b = aUser();
    users.addTeam(team);
    users.addUser(a);
    users.addUser(b);

    assertThat(users.addMember(team.id(), a.id())).isTrue();
    assertThat(users.addMember(team.id(), a.id())).isFalse();
    assertThat(users.addMember(team.id(), b.id())).isTrue();

    assertThat(users.membersOf(team.id())).containsExactlyInAnyOrder(a.id(), b.id());
  }

  @Test
  void addMember_unknownTeam_throwsInfrastructureException() {
    User a = aUser();
    users.addUser(a);

    assertThatThrownBy(() -> users.addMember(new TeamId(UUID.randomUUID()), a.id()))
        .isInstanceOf(InfrastructureException.class);
  }

  @Test
  void find_unknown_isEmpty() {
    assertThat(users.findUserById(new UserId(UUID.randomUUID()))).isEmpty();
    assertThat(users.findUserByHandle("nobody-" + UUID.randomUUID())).isEmpty();
    assertThat(users.findTeamByName("no team " + UUID.randomUUID())).isEmpty();
  }
}
