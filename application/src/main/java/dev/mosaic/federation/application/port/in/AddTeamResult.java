package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.user.Team;
import java.util.Objects;

/** The outcome of {@link ManageTeamsUseCase#addTeam}. */
public sealed interface AddTeamResult {
  /** 0. */
  record Added(Team team) implements AddTeamResult {
    public Added {
      Objects.requireNonNull(team, "team");
    }
  }

  /** 2: the name is not acceptable; {@code message} says why. */
  record InvalidName(String message) implements AddTeamResult {}

  /** 4: a team has that name. */
  record DuplicateName(String name) implements AddTeamResult {}
}
