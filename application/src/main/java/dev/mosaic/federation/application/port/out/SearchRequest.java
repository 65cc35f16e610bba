package dev.mosaic.federation.application.port.out;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A keyword search, optionally ranked also by embedding similarity (memory only, when the store
 * supports vectors).
 *
 * @param text 1–256 characters
 * @param limit at most this many hits (positive)
 */
public record SearchRequest(String text, int limit, Optional<List<Float>> embedding) {
  public SearchRequest {
    if (text == null || text.isBlank() || text.length() > 256) {
      throw new IllegalArgumentException("search text must be 1-256 characters");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    embedding = Objects.requireNonNull(embedding, "embedding").map(List::copyOf);
  }

  public static SearchRequest keywords(String text, int limit) {
    return new SearchRequest(text, limit, Optional.empty());
  }
}
