package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.AddTeamMemberResult;
import dev.mosaic.federation.application.port.in.AddTeamResult;
import dev.mosaic.federation.application.port.in.ManageTeamsUseCase;
import dev.mosaic.federation.application.port.in.TeamView;
import dev.mosaic.federation.application.port.out.IdGenerator;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.user.Team;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.User;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link ManageTeamsUseCase}. */
public class ManageTeamsService implements ManageTeamsUseCase {
  static final int MAX_NAME = 128;

  private final UserDirectory users;
  private final IdGenerator ids;

  @Inject
  public ManageTeamsService(UserDirectory users, IdGenerator ids) {
    this.users = users;
    this.ids = ids;
  }

  @Override
  public AddTeamResult addTeam(String name) {
    String stripped = name.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
      return new AddTeamResult.InvalidName(
          "a team name is 1-" + MAX_NAME + " characters, not blank");
    }
    Team team = new Team(new TeamId(ids.newId()), stripped);
    if (users.addTeam(team) == InsertOutcome.DUPLICATE) {
      return new AddTeamResult.DuplicateName(stripped);
    }
    return new AddTeamResult.Added(team);
  }

  @Override
  public AddTeamMemberResult addMember(String teamName, String handle) {
    Optional<Team> team = users.findTeamByName(teamName.strip());
    if (team.isEmpty()) {
      return new AddTeamMemberResult.UnknownTeam(teamName);
    }
    Optional<User> user = users.findUserByHandle(handle.strip()).filter(u -> !u.isDeleted());
    if (user.isEmpty()) {
      return new AddTeamMemberResult.UnknownUser(handle);
    }
    if (!users.addMember(team.get().id(), user.get().id())) {
      return new AddTeamMemberResult.AlreadyMember(team.get(), user.get());
    }
    return new AddTeamMemberResult.Added(team.get(), user.get());
  }

  @Override
  public List<TeamView> list() {
    return users.listTeams().stream()
        .map(
            team ->
                new TeamView(
                    team,
                    users.membersOf(team.id()).stream()
                        .map(users::findUserById)
                        .flatMap(Optional::stream)
                        .sorted(Comparator.comparing(User::handle))
                        .toList()))
        .toList();
  }
}
