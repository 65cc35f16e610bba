package dev.mosaic.federation.domain.peer;

import dev.mosaic.federation.domain.common.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identifies a requesting gateway known to the serving side. */
public record PeerId(UUID value) {
  public PeerId {
    Objects.requireNonNull(value, "value");
  }

  public static PeerId of(UUID value) {
    return new PeerId(value);
  }

  /**
   * Parses the canonical textual form of a UUID.
   *
   * @throws IllegalArgumentException when {@code text} is not a UUID
   */
  public static PeerId parse(String text) {
    return new PeerId(Uuids.parseCanonical(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
