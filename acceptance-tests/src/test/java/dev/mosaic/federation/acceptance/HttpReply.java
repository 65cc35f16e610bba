package dev.mosaic.federation.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The status, the headers that matter, every header (names in lower case) and the body of one HTTP
 * answer.
 */
record HttpReply(
    int status,
    String requestId,
    String contentType,
    String text,
    Map<String, List<String>> headers) {
  private static final ObjectMapper JSON = new ObjectMapper();

  HttpReply {
    TreeMap<String, List<String>> lowerCase = new TreeMap<>();
    headers.forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), values));
    headers = Collections.unmodifiableMap(lowerCase);
  }

  /** An answer whose other headers are not known (e.g. a CLI's output read as an answer). */
  HttpReply(int status, String requestId, String contentType, String text) {
    this(status, requestId, contentType, text, Map.of());
  }

  /** The first value of header {@code name} (any case), or empty. */
  Optional<String> header(String name) {
    List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    return values.stream().findFirst();
  }

  JsonNode json() {
    try {
      return text.isEmpty() ? JSON.missingNode() : JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + this, e);
    }
  }

  /** {@code error.code} of a §9 error body, or empty. */
  String errorCode() {
    return json().at("/error/code").asText();
  }

  /** The error object without its {@code requestId}: what two indistinguishable refusals share. */
  JsonNode errorWithoutRequestId() {
    JsonNode error = json().path("error").deepCopy();
    if (error instanceof ObjectNode object) {
      object.remove("requestId");
    }
    return error;
  }

  @Override
  public String toString() {
    return status + " (X-Request-Id " + requestId + ") " + text;
  }
}
