package dev.mosaic.federation.domain.resource;

import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of a resource. A row without a team is its owner's personal row; a row with a team is
 * visible to the team's members.
 */
public sealed interface ResourceItem permits TaskItem, NoteItem, MemoryItem, CredentialItem {
  UUID id();

  UserId ownerUserId();

  Optional<TeamId> teamId();

  Instant createdAt();

  Instant updatedAt();

  /** Which resource this row belongs to. */
  Resource resource();

  /**
   * The wire form of SPEC §9 ({@code id}, resource fields, {@code teamId}, {@code ownerUserId},
   * {@code createdAt}, {@code updatedAt}) as a generic JSON tree; ids and instants as strings,
   * absent values as JSON null. Embeddings are never included.
   */
  Map<String, Object> toWire();
}
