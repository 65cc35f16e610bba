package dev.mosaic.federation.application.port.out;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request to a peer gateway.
 *
 * @param method {@code GET} or {@code POST}
 * @param path absolute path, e.g. {@code /api/federation/v1/list/tasks}
 * @param body a JSON object (generic tree) for POST, empty for GET
 * @param headers extra headers, e.g. {@code traceparent}, {@code X-Request-Id}
 */
public record PeerRequest(
    String method, String path, Optional<Map<String, Object>> body, Map<String, String> headers) {
  public PeerRequest {
    Objects.requireNonNull(method, "method");
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must be absolute");
    }
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  public static PeerRequest get(String path) {
    return new PeerRequest("GET", path, Optional.empty(), Map.of());
  }

  public static PeerRequest post(String path, Map<String, Object> body) {
    return new PeerRequest("POST", path, Optional.of(body), Map.of());
  }

  public PeerRequest withHeader(String name, String value) {
    var copy = new java.util.HashMap<>(headers);
    copy.put(name, value);
    return new PeerRequest(method, path, body, copy);
  }
}
