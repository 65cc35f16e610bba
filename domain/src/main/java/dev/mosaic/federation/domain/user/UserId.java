package dev.mosaic.federation.domain.user;

import dev.mosaic.federation.domain.common.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identifies a local user of a gateway. */
public record UserId(UUID value) {
  public UserId {
    Objects.requireNonNull(value, "value");
  }

  public static UserId of(UUID value) {
    return new UserId(value);
  }

  /**
   * Parses the canonical textual form of a UUID.
   *
   * @throws IllegalArgumentException when {@code text} is not a UUID
   */
  public static UserId parse(String text) {
    return new UserId(Uuids.parseCanonical(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
