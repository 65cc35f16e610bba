package dev.mosaic.federation.domain.access;

import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.scope.ResourceFilter;
import dev.mosaic.federation.domain.scope.Scope;
import dev.mosaic.federation.domain.user.TeamId;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;

/** SPEC §5.2 steps 4 (scope) and 5 (row cap), as a pure function. */
public final class AccessPolicy {
  private AccessPolicy() {}

  /**
   * Decides whether {@code resourceName} may be read under {@code scope} by a grant whose subject
   * has {@code subject} native access, and how many rows at most.
   *
   * <ol>
   *   <li>a name outside the closed list → {@link DenialReason#UNKNOWN_RESOURCE};
   *   <li>in {@code excluded_resources} → {@link DenialReason#EXCLUDED}; not in {@code resources} →
   *       {@link DenialReason#NOT_GRANTED}; sensitive → {@link DenialReason#SENSITIVE};
   *   <li>a requested limit below 1 → {@link DenialReason#INVALID_LIMIT}; otherwise the limit is
   *       the request's clamped at {@code max_rows_per_query}, which is also the default.
   * </ol>
   *
   * The effective filter is the scope's filter intersected with the native access.
   */
  public static AccessDecision decide(
      String resourceName, Scope scope, NativeAccess subject, OptionalInt requestedLimit) {
    var resource = Resource.fromWire(resourceName);
    if (resource.isEmpty()) {
      return new AccessDecision.Denied(DenialReason.UNKNOWN_RESOURCE);
    }
    Resource r = resource.get();
    if (scope.excludedResources().contains(r)) {
      return new AccessDecision.Denied(DenialReason.EXCLUDED);
    }
    if (!scope.resources().contains(r)) {
      return new AccessDecision.Denied(DenialReason.NOT_GRANTED);
    }
    if (r.isSensitive()) {
      return new AccessDecision.Denied(DenialReason.SENSITIVE);
    }
    if (requestedLimit.isPresent() && requestedLimit.getAsInt() < 1) {
      return new AccessDecision.Denied(DenialReason.INVALID_LIMIT);
    }
    int limit =
        requestedLimit.isPresent()
            ? Math.min(requestedLimit.getAsInt(), scope.maxRowsPerQuery())
            : scope.maxRowsPerQuery();
    return new AccessDecision.Allowed(r, effectiveFilter(scope.filterFor(r), subject), limit);
  }

  /** The scope filter intersected with native access: can only narrow. */
  public static EffectiveFilter effectiveFilter(ResourceFilter filter, NativeAccess subject) {
    Set<TeamId> teams = new HashSet<>(subject.teams());
    filter.includeTeams().ifPresent(teams::retainAll);
    return new EffectiveFilter(subject.subject(), filter.includePersonal(), teams);
  }
}
