package dev.mosaic.federation.domain.link;

import dev.mosaic.federation.domain.common.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identifies a link on the requesting side. */
public record LinkId(UUID value) {
  public LinkId {
    Objects.requireNonNull(value, "value");
  }

  public static LinkId of(UUID value) {
    return new LinkId(value);
  }

  /**
   * Parses the canonical textual form of a UUID.
   *
   * @throws IllegalArgumentException when {@code text} is not a UUID
   */
  public static LinkId parse(String text) {
    return new LinkId(Uuids.parseCanonical(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
