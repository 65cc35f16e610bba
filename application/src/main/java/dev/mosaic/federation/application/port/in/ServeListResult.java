package dev.mosaic.federation.application.port.in;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The outcome of {@link ServeFederatedRequestUseCase#list}; HTTP status in each case's doc. */
public sealed interface ServeListResult permits ServeListResult.Listed, ServeFailure {

  /**
   * 200: {@code {items:[…], nextCursor?}}.
   *
   * @param items the rows in wire form (SPEC §9), in {@code (createdAt, id)} order
   * @param nextCursor present when more rows follow
   */
  record Listed(List<Map<String, Object>> items, Optional<String> nextCursor)
      implements ServeListResult {
    public Listed {
      items = List.copyOf(items);
      Objects.requireNonNull(nextCursor, "nextCursor");
    }

    /** The §9 body. */
    public Map<String, Object> toWire() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("items", items);
      nextCursor.ifPresent(c -> body.put("nextCursor", c));
      return body;
    }
  }
}
