package dev.mosaic.federation.domain.grant;

import dev.mosaic.federation.domain.common.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identifies a grant on the serving side. */
public record GrantId(UUID value) {
  public GrantId {
    Objects.requireNonNull(value, "value");
  }

  public static GrantId of(UUID value) {
    return new GrantId(value);
  }

  /**
   * Parses the canonical textual form of a UUID.
   *
   * @throws IllegalArgumentException when {@code text} is not a UUID
   */
  public static GrantId parse(String text) {
    return new GrantId(Uuids.parseCanonical(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
