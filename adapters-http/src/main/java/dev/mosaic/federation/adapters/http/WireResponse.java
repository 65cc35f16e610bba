package dev.mosaic.federation.adapters.http;

import java.util.Map;
import java.util.Objects;

/** What an endpoint answers; the dispatcher adds {@code X-Request-Id} and writes it. */
record WireResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String JSON = "application/json; charset=utf-8";

  WireResponse {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  /** {@code value} serialized as the JSON body. */
  static WireResponse json(int status, Object value) {
    return new WireResponse(status, JSON, Json.write(value), Map.of());
  }

  static WireResponse bytes(int status, String contentType, byte[] body) {
    return new WireResponse(status, contentType, body, Map.of());
  }
}
