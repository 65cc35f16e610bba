package dev.mosaic.federation.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param limit at most this many rows (positive)
 * @param after only rows strictly after this position
 * @param updatedSince only rows with {@code updated_at >= updatedSince}
 */
public record PageRequest(int limit, Optional<PagePosition> after, Optional<Instant> updatedSince) {
  public PageRequest {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(updatedSince, "updatedSince");
  }

  /** The first page of {@code limit} rows. */
  public static PageRequest first(int limit) {
    return new PageRequest(limit, Optional.empty(), Optional.empty());
  }

  /** The page after {@code position}. */
  public PageRequest after(PagePosition position) {
    return new PageRequest(limit, Optional.of(position), updatedSince);
  }

  public PageRequest updatedSince(Instant since) {
    return new PageRequest(limit, after, Optional.of(since));
  }
}
