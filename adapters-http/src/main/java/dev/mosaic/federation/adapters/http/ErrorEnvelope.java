package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.domain.audit.RequestId;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The error body of the wire protocol: {@code {"error":{"code","message","requestId",
 * "retryAfterMs"?}}}, with {@code Retry-After} in whole seconds (the ceiling, at least 1) whenever
 * {@code retryAfterMs} is present.
 */
final class ErrorEnvelope {
  private ErrorEnvelope() {}

  static WireResponse response(WireException e, RequestId requestId) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", e.code().wireName());
    error.put("message", e.getMessage());
    error.put("requestId", requestId.toString());
    Map<String, String> headers = new HashMap<>(e.headers());
    Optional<Duration> retryAfter = e.retryAfter();
    retryAfter.ifPresent(
        wait -> {
          error.put("retryAfterMs", retryAfterMillis(wait));
          headers.put("Retry-After", Long.toString(retryAfterSeconds(wait)));
        });
    return new WireResponse(
        e.code().status(), WireResponse.JSON, Json.write(Map.of("error", error)), headers);
  }

  /** The ceiling of {@code wait} in whole seconds, at least 1. */
  static long retryAfterSeconds(Duration wait) {
    long seconds = wait.toSeconds();
    boolean whole = wait.equals(Duration.ofSeconds(seconds));
    return Math.max(1, whole ? seconds : seconds + 1);
  }

  /** The ceiling of {@code wait} in milliseconds, at least 1. */
  static long retryAfterMillis(Duration wait) {
    long millis = wait.toMillis();
    boolean whole = wait.equals(Duration.ofMillis(millis));
    return Math.max(1, whole ? millis : millis + 1);
  }
}
