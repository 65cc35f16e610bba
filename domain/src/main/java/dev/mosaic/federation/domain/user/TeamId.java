package dev.mosaic.federation.domain.user;

import dev.mosaic.federation.domain.common.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identifies a team of a gateway. */
public record TeamId(UUID value) {
  public TeamId {
    Objects.requireNonNull(value, "value");
  }

  public static TeamId of(UUID value) {
    return new TeamId(value);
  }

  /**
   * Parses the canonical textual form of a UUID.
   *
   * @throws IllegalArgumentException when {@code text} is not a UUID
   */
  public static TeamId parse(String text) {
    return new TeamId(Uuids.parseCanonical(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
