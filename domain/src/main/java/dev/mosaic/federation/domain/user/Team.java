package dev.mosaic.federation.domain.user;

import java.util.Objects;

/** A group of users of a gateway; rows may be owned by a team. Names are unique. */
public record Team(TeamId id, String name) {
  public Team {
    Objects.requireNonNull(id, "id");
    if (name == null || name.isBlank() || name.length() > 128) {
      throw new IllegalArgumentException("a team name is 1-128 characters, not blank");
    }
  }
}
