package dev.mosaic.federation.domain.resource;

import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code credentials}. Sensitive: never served to a peer. Its wire form omits the secret.
 */
public record CredentialItem(
    UUID id,
    UserId ownerUserId,
    Optional<TeamId> teamId,
    String name,
    String secret,
    Instant createdAt,
    Instant updatedAt)
    implements ResourceItem {
  public CredentialItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerUserId, "ownerUserId");
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    WireMaps.requireOrder(createdAt, updatedAt);
  }

  @Override
  public Resource resource() {
    return Resource.CREDENTIALS;
  }

  /** Name and metadata only; the secret never leaves the store through this form. */
  @Override
  public Map<String, Object> toWire() {
    Map<String, Object> map = WireMaps.start(id);
    map.put("name", name);
    return WireMaps.finish(map, teamId, ownerUserId, createdAt, updatedAt);
  }

  @Override
  public String toString() {
    return "CredentialItem[" + id + ", " + name + ", secret redacted]";
  }
}
