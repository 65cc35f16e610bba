package dev.mosaic.federation.domain.scope;

import dev.mosaic.federation.domain.user.TeamId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A scope's filter for one resource.
 *
 * @param includePersonal whether the subject's personal rows (no team) are included
 * @param includeTeams the teams whose rows are included; empty means every team the subject belongs
 *     to
 */
public record ResourceFilter(boolean includePersonal, Optional<Set<TeamId>> includeTeams) {
  /** Personal rows and every team of the subject: the default when a scope names no filter. */
  public static final ResourceFilter DEFAULT = new ResourceFilter(true, Optional.empty());

  public ResourceFilter {
    Objects.requireNonNull(includeTeams, "includeTeams");
    includeTeams = includeTeams.map(Set::copyOf);
  }
}
