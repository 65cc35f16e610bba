package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.user.Team;
import dev.mosaic.federation.domain.user.User;
import java.util.List;
import java.util.Objects;

/** A team with its members, ordered by handle. */
public record TeamView(Team team, List<User> members) {
  public TeamView {
    Objects.requireNonNull(team, "team");
    members = List.copyOf(members);
  }
}
