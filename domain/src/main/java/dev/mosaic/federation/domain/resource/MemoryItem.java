package dev.mosaic.federation.domain.resource;

import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code memory}. Its embedding, if any, stays in the store and is never sent. */
public record MemoryItem(
    UUID id,
    UserId ownerUserId,
    Optional<TeamId> teamId,
    String kind,
    String content,
    Instant createdAt,
    Instant updatedAt)
    implements ResourceItem {
  public MemoryItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerUserId, "ownerUserId");
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    WireMaps.requireOrder(createdAt, updatedAt);
  }

  @Override
  public Resource resource() {
    return Resource.MEMORY;
  }

  @Override
  public Map<String, Object> toWire() {
    Map<String, Object> map = WireMaps.start(id);
    map.put("kind", kind);
    map.put("content", content);
    return WireMaps.finish(map, teamId, ownerUserId, createdAt, updatedAt);
  }
}
