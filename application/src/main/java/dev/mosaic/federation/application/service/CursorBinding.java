package dev.mosaic.federation.application.service;

import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.common.CanonicalJson;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cursor is bound to: a cursor minted under one binding is refused under any other.
 *
 * @param principal {@code grant:<id>} on the serving side, {@code local:<user id>} for a local
 *     user's own listing
 * @param filter the effective filter the page was read under
 * @param updatedSince the listing's {@code updatedSince}, if any
 */
public record CursorBinding(
    String principal, Resource resource, EffectiveFilter filter, Optional<Instant> updatedSince) {
  public CursorBinding {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(updatedSince, "updatedSince");
  }

  /** A listing served to a grant. */
  public static CursorBinding forGrant(
      GrantId grant, Resource resource, EffectiveFilter filter, Optional<Instant> updatedSince) {
    return new CursorBinding("grant:" + grant, resource, filter, updatedSince);
  }

  /** A local user's listing of their own rows. */
  public static CursorBinding forLocalUser(
      UserId user, Resource resource, EffectiveFilter filter, Optional<Instant> updatedSince) {
    return new CursorBinding("local:" + user, resource, filter, updatedSince);
  }

  /** The filter as canonical JSON: owner, personal flag, team ids sorted. */
  String canonicalFilter() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("owner", filter.owner().toString());
    tree.put("includePersonal", filter.includePersonal());
    tree.put("teams", filter.teams().stream().map(TeamId::toString).sorted().toList());
    return CanonicalJson.write(tree);
  }
}
