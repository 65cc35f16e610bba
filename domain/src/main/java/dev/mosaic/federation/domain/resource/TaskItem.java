package dev.mosaic.federation.domain.resource;

import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code tasks}. */
public record TaskItem(
    UUID id,
    UserId ownerUserId,
    Optional<TeamId> teamId,
    String title,
    String status,
    int priority,
    Optional<Instant> dueAt,
    Instant createdAt,
    Instant updatedAt)
    implements ResourceItem {
  public TaskItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerUserId, "ownerUserId");
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    WireMaps.requireOrder(createdAt, updatedAt);
  }

  @Override
  public Resource resource() {
    return Resource.TASKS;
  }

  @Override
  public Map<String, Object> toWire() {
    Map<String, Object> map = WireMaps.start(id);
    map.put("title", title);
    map.put("status", status);
    map.put("priority", priority);
    map.put("dueAt", dueAt.map(Instant::toString).orElse(null));
    return WireMaps.finish(map, teamId, ownerUserId, createdAt, updatedAt);
  }
}
