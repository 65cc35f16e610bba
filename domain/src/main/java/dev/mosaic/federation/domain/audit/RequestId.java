package dev.mosaic.federation.domain.audit;

import dev.mosaic.federation.domain.common.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identifies one federated request (the {@code X-Request-Id}). */
public record RequestId(UUID value) {
  public RequestId {
    Objects.requireNonNull(value, "value");
  }

  public static RequestId of(UUID value) {
    return new RequestId(value);
  }

  /**
   * Parses the canonical textual form of a UUID.
   *
   * @throws IllegalArgumentException when {@code text} is not a UUID
   */
  public static RequestId parse(String text) {
    return new RequestId(Uuids.parseCanonical(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
