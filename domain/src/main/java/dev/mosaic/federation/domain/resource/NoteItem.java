package dev.mosaic.federation.domain.resource;

import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code notes}. */
public record NoteItem(
    UUID id,
    UserId ownerUserId,
    Optional<TeamId> teamId,
    String title,
    String body,
    Instant createdAt,
    Instant updatedAt)
    implements ResourceItem {
  public NoteItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerUserId, "ownerUserId");
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    WireMaps.requireOrder(createdAt, updatedAt);
  }

  @Override
  public Resource resource() {
    return Resource.NOTES;
  }

  @Override
  public Map<String, Object> toWire() {
    Map<String, Object> map = WireMaps.start(id);
    map.put("title", title);
    map.put("body", body);
    return WireMaps.finish(map, teamId, ownerUserId, createdAt, updatedAt);
  }
}
