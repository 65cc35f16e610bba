package dev.mosaic.federation.domain.access;

import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.util.Objects;
import java.util.Set;

/** What a user can see on their own gateway: their personal rows and their teams' rows. */
public record NativeAccess(UserId subject, Set<TeamId> teams) {
  public NativeAccess {
    Objects.requireNonNull(subject, "subject");
    teams = Set.copyOf(teams);
  }
}
