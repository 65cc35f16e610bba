package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.user.Team;
import dev.mosaic.federation.domain.user.User;
import java.util.Objects;

/** The outcome of {@link ManageTeamsUseCase#addMember}. */
public sealed interface AddTeamMemberResult {
  /** 0. */
  record Added(Team team, User user) implements AddTeamMemberResult {
    public Added {
      Objects.requireNonNull(team, "team");
      Objects.requireNonNull(user, "user");
    }
  }

  /** 3: no team has that name. */
  record UnknownTeam(String name) implements AddTeamMemberResult {}

  /** 3: no undeleted user has that handle. */
  record UnknownUser(String handle) implements AddTeamMemberResult {}

  /** 4: the user already is a member. */
  record AlreadyMember(Team team, User user) implements AddTeamMemberResult {}
}
