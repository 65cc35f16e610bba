package dev.mosaic.federation.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A keyset position: rows are ordered by {@code (created_at, id)} ascending. */
public record PagePosition(Instant createdAt, UUID id) implements Comparable<PagePosition> {

  public PagePosition {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(id, "id");
  }

  /** Orders like PostgreSQL orders {@code (created_at, id)}: UUIDs compared as unsigned bytes. */
  @Override
  public int compareTo(PagePosition other) {
    int byTime = createdAt.compareTo(other.createdAt);
    return byTime != 0 ? byTime : compareUnsigned(id, other.id);
  }

  private static int compareUnsigned(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
