package dev.mosaic.federation.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The status, the headers that matter and the body of one HTTP answer. */
record HttpReply(int status, String requestId, String contentType, String text) {
  private static final ObjectMapper JSON = new ObjectMapper();

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
