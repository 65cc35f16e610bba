package dev.mosaic.federation.acceptance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The loopback session API of a requesting gateway ({@code local.listen}, SPEC §9) as a local
 * user's session uses it: {@code POST /api/local/v1/query} with the user's bearer token from {@code
 * mosaic user token}.
 */
final class SessionClient {
  static final String QUERY = "/api/local/v1/query";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType APPLICATION_JSON =
      MediaType.get("application/json; charset=utf-8");
  private static final OkHttpClient HTTP =
      new OkHttpClient.Builder()
          .retryOnConnectionFailure(false)
          .connectTimeout(Duration.ofSeconds(5))
          .readTimeout(Duration.ofSeconds(30))
          .build();

  private final URI base;
  private final String token;

  /** {@code token} may be null: requests then carry no {@code Authorization} header. */
  SessionClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** A client of {@code gateway}'s session API for the user {@code handle}, minting a token. */
  static SessionClient forUser(Gateway gateway, String handle) {
    return new SessionClient(gateway.localUrl(), gateway.ok("user", "token", handle).strip());
  }

  /** {@code {session, source, verb, resource}} plus {@code extra} fields. */
  HttpReply query(
      String session, String source, String verb, String resource, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("session", session);
    body.put("source", source);
    body.put("verb", verb);
    body.put("resource", resource);
    body.putAll(extra);
    try {
      return post(QUERY, JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A {@code list} of the first page. */
  HttpReply list(String session, String source, String resource) {
    return query(session, source, "list", resource, Map.of());
  }

  HttpReply post(String path, String json) {
    return send(
        new Request.Builder().url(base + path).post(RequestBody.create(json, APPLICATION_JSON)));
  }

  HttpReply get(String path) {
    return send(new Request.Builder().url(base + path).get());
  }

  private HttpReply send(Request.Builder request) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    Request built = request.build();
    try (Response response = HTTP.newCall(built).execute()) {
      return new HttpReply(
          response.code(),
          response.header("X-Request-Id"),
          response.header("Content-Type"),
          response.body().string(),
          response.headers().toMultimap());
    } catch (IOException e) {
      throw new UncheckedIOException(built.method() + " " + built.url() + " failed: " + e, e);
    }
  }
}
