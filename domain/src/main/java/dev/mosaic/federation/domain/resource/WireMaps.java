package dev.mosaic.federation.domain.resource;

import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Shared pieces of the wire form of items. */
final class WireMaps {
  private WireMaps() {}

  static Map<String, Object> start(UUID id) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", id.toString());
    return map;
  }

  static Map<String, Object> finish(
      Map<String, Object> map,
      Optional<TeamId> teamId,
      UserId owner,
      Instant createdAt,
      Instant updatedAt) {
    map.put("teamId", teamId.map(TeamId::toString).orElse(null));
    map.put("ownerUserId", owner.toString());
    map.put("createdAt", createdAt.toString());
    map.put("updatedAt", updatedAt.toString());
    return java.util.Collections.unmodifiableMap(map);
  }

  static void requireOrder(Instant createdAt, Instant updatedAt) {
    if (updatedAt.isBefore(createdAt)) {
      throw new IllegalArgumentException("updatedAt must not be before createdAt");
    }
  }
}
