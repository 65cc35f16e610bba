package dev.mosaic.federation.bootstrap.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Calls the requesting gateway's loopback session API ({@code POST /api/local/v1/query}, SPEC §9)
 * as one local user, with that user's bearer token — what a session on A does.
 */
final class SessionApiClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI query;

  SessionApiClient(int port) {
    this.query = URI.create("http://127.0.0.1:" + port + "/api/local/v1/query");
  }

  /** One answer: the HTTP status and the JSON body as a generic tree. */
  record Answer(int status, Map<String, Object> body) {

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items() {
      return body.get("items") instanceof List<?> items
          ? (List<Map<String, Object>>) items
          : List.of();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> hits() {
      return body.get("hits") instanceof List<?> hits
          ? (List<Map<String, Object>>) hits
          : List.of();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sources() {
      return body.get("sources") instanceof List<?> sources
          ? (List<Map<String, Object>>) sources
          : List.of();
    }

    /** The status of one source ({@code ok}, {@code error}, …), or empty text when absent. */
    String sourceStatus(String name) {
      return source(name).map(s -> String.valueOf(s.get("status"))).orElse("");
    }

    /** The error code a source reported, or empty text. */
    String sourceError(String name) {
      return source(name)
          .map(s -> s.get("error") instanceof Map<?, ?> e ? String.valueOf(e.get("code")) : "")
          .orElse("");
    }

    /** The {@code error.code} of a refused request, or empty text. */
    String errorCode() {
      return body.get("error") instanceof Map<?, ?> e ? String.valueOf(e.get("code")) : "";
    }

    private java.util.Optional<Map<String, Object>> source(String name) {
      return sources().stream().filter(s -> name.equals(s.get("name"))).findFirst();
    }
  }

  @Override
  public void close() {
    http.close();
  }

  Answer query(String bearerToken, Map<String, Object> request) {
    try {
      HttpRequest httpRequest =
          HttpRequest.newBuilder(query)
              .timeout(TIMEOUT)
              .header("Authorization", "Bearer " + bearerToken)
              .header("Content-Type", "application/json; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
              .build();
      HttpResponse<String> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofString());
      Map<String, Object> body =
          response.body().isBlank()
              ? Map.of()
              : JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {});
      return new Answer(response.statusCode(), body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the session API answered malformed JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException("the session API is unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
