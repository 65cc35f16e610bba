package dev.mosaic.federation.application.port.in;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The outcome of {@link ServeFederatedRequestUseCase#search}; HTTP status in each case's doc. */
public sealed interface ServeSearchResult permits ServeSearchResult.Found, ServeFailure {

  /**
   * 200: {@code {hits:[{resource, id, score, item}], partial?, errors?:[{resource, code}]}}.
   *
   * @param hits best first, in wire form
   * @param errors one per resource whose search failed; non-empty means {@code partial}
   */
  record Found(List<Map<String, Object>> hits, List<ResourceError> errors)
      implements ServeSearchResult {
    public Found {
      hits = List.copyOf(hits);
      errors = List.copyOf(errors);
    }

    /** The §9 body. */
    public Map<String, Object> toWire() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("hits", hits);
      if (!errors.isEmpty()) {
        body.put("partial", true);
        body.put(
            "errors",
            errors.stream()
                .map(e -> Map.<String, Object>of("resource", e.resource(), "code", e.code()))
                .toList());
      }
      return body;
    }
  }

  /** A resource whose search failed, with the §9 error code ({@code unavailable}). */
  record ResourceError(String resource, String code) {
    public ResourceError {
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(code, "code");
    }
  }
}
