package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.NativeAccessDirectory;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.access.NativeAccess;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.user.Team;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link NativeAccessDirectory}: exactly the user's own memberships, read fresh. */
public abstract class NativeAccessDirectoryContract {
  protected NativeAccessDirectory directory;
  private UserDirectory users;

  protected abstract NativeAccessDirectory createNativeAccessDirectory();

  /** Seeds users and teams into the same store. */
  protected abstract UserDirectory userDirectory();

  @BeforeEach
  void setUpNativeAccessDirectoryContract() {
    directory = createNativeAccessDirectory();
    users = userDirectory();
  }

  private UserId aUser() {
    User user = User.of(new UserId(UUID.randomUUID()), "u-" + UUID.randomUUID());
    users.addUser(user);
    return user.id();
  }

  private TeamId aTeam(UserId... members) {
    Team team = new Team(new TeamId(UUID.randomUUID()), "t-" + UUID.randomUUID());
    users.addTeam(team);
    for (UserId member : members) {
      users.addMember(team.id(), member);
    }
    return team.id();
  }

  @Test
  void find_userWithTeams_hasExactlyThoseTeams() {
    UserId u = aUser();
    UserId v = aUser();
    TeamId both = aTeam(u, v);
    TeamId onlyU = aTeam(u);
    aTeam(v);

    assertThat(directory.find(u)).contains(new NativeAccess(u, Set.of(both, onlyU)));
  }

  @Test
  void find_userWithoutTeams_hasNoTeams() {
    UserId u = aUser();

    assertThat(directory.find(u)).contains(new NativeAccess(u, Set.of()));
  }

  @Test
  void find_membershipAddedLater_isSeenOnNextCall() {
    UserId u = aUser();
    assertThat(directory.find(u).orElseThrow().teams()).isEmpty();
    TeamId team = aTeam(u);

    assertThat(directory.find(u).orElseThrow().teams()).containsExactly(team);
  }

  @Test
  void find_unknownOrDeletedUser_isEmpty() {
    UserId deleted = aUser();
    users.markUserDeleted(deleted, Times.T0);

    assertThat(directory.find(new UserId(UUID.randomUUID()))).isEmpty();
    assertThat(directory.find(deleted)).isEmpty();
  }
}
