package dev.mosaic.federation.application.port.in;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The outcome of {@link ServeFederatedRequestUseCase#get}; HTTP status in each case's doc. */
public sealed interface ServeGetResult
    permits ServeGetResult.Found, ServeGetResult.NotFound, ServeFailure {

  /** 200: {@code {item}}, the row in wire form (SPEC §9). */
  record Found(Map<String, Object> item) implements ServeGetResult {
    public Found {
      item = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(item, "item")));
    }

    /** The §9 body. */
    public Map<String, Object> toWire() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("item", item);
      return body;
    }
  }

  /**
   * 404 {@code not_found}: no such row, or a row the grant cannot see — the same answer for both.
   */
  record NotFound(String message) implements ServeGetResult {
    public static final String MESSAGE = "no such item";

    public NotFound {
      Objects.requireNonNull(message, "message");
    }
  }
}
