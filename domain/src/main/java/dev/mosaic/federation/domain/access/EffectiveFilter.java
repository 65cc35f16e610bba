package dev.mosaic.federation.domain.access;

import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rows a request may see: a row is visible when it has no team, its owner is {@code owner} and
 * {@code includePersonal} holds, or when its team is in {@code teams}. Never wider than the
 * subject's {@link NativeAccess}.
 */
public record EffectiveFilter(UserId owner, boolean includePersonal, Set<TeamId> teams) {
  public EffectiveFilter {
    Objects.requireNonNull(owner, "owner");
    teams = Set.copyOf(teams);
  }

  /** Everything {@code access} can see natively (personal rows and every team). */
  public static EffectiveFilter nativeAccess(NativeAccess access) {
    return new EffectiveFilter(access.subject(), true, access.teams());
  }

  /** Whether a row owned by {@code rowOwner}, with team {@code rowTeam}, is visible. */
  public boolean admits(UserId rowOwner, Optional<TeamId> rowTeam) {
    return rowTeam.isPresent()
        ? teams.contains(rowTeam.get())
        : includePersonal && owner.equals(rowOwner);
  }
}
