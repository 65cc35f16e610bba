package dev.mosaic.federation.adapters.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A listener's routes. A path is a literal or has {@code {name}} segments, each matching one
 * non-empty segment. On the federation listener everything under {@link #AUTHENTICATED_PREFIX}
 * needs a client certificate — checked by the dispatcher before routing, so a caller without one
 * learns nothing about which paths exist there.
 */
final class Router {
  static final String AUTHENTICATED_PREFIX = "/api/federation/v1/";

  /** Who may call a route. */
  enum Access {
    /** No client certificate needed; rate limited per client address. */
    PUBLIC,
    /** A client certificate was presented at TLS (what it is worth is the endpoint's business). */
    CLIENT_CERTIFICATE,
    /**
     * A route of the loopback session API: not rate limited per address; the endpoint authenticates
     * the caller (bearer token) where it must.
     */
    LOOPBACK
  }

  /**
   * One route.
   *
   * @param jsonBody the route takes a JSON body: content type {@code application/json} required
   */
  record Route(String method, String pattern, Access access, boolean jsonBody, Endpoint endpoint) {
    Route {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(access, "access");
      Objects.requireNonNull(endpoint, "endpoint");
      if (pattern.startsWith(AUTHENTICATED_PREFIX) != (access == Access.CLIENT_CERTIFICATE)) {
        throw new IllegalArgumentException(
            "routes under " + AUTHENTICATED_PREFIX + " and only those need a client certificate");
      }
    }
  }

  /** The outcome of {@link #match}. */
  sealed interface Match {
    record Found(Route route, Map<String, String> pathParameters) implements Match {}

    /** The path exists for other methods; {@code allow} is the {@code Allow} header. */
    record MethodNotAllowed(String allow) implements Match {}

    record NotFound() implements Match {}
  }

  private final List<Route> routes;

  Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** Whether {@code path} is in the part of the API that needs a client certificate. */
  static boolean needsClientCertificate(String path) {
    return path.startsWith(AUTHENTICATED_PREFIX) || path.equals("/api/federation/v1");
  }

  Match match(String method, String path) {
    Set<String> allowed = new LinkedHashSet<>();
    for (Route route : routes) {
      Map<String, String> parameters = bind(route.pattern(), path);
      if (parameters == null) {
        continue;
      }
      if (route.method().equals(method)) {
        return new Match.Found(route, parameters);
      }
      allowed.add(route.method());
    }
    return allowed.isEmpty()
        ? new Match.NotFound()
        : new Match.MethodNotAllowed(String.join(", ", allowed));
  }

  /** The path parameters when {@code path} matches {@code pattern}, else null. */
  private static Map<String, String> bind(String pattern, String path) {
    String[] expected = pattern.split("/", -1);
    String[] actual = path.split("/", -1);
    if (expected.length != actual.length) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < expected.length; i++) {
      String segment = expected[i];
      if (segment.startsWith("{") && segment.endsWith("}")) {
        if (actual[i].isEmpty()) {
          return null;
        }
        parameters.put(segment.substring(1, segment.length() - 1), actual[i]);
      } else if (!segment.equals(actual[i])) {
        return null;
      }
    }
    return parameters;
  }

  /** Builds a router. */
  static final class Builder {
    private final List<Route> routes = new ArrayList<>();

    Builder publicRoute(String method, String pattern, boolean jsonBody, Endpoint endpoint) {
      routes.add(new Route(method, pattern, Access.PUBLIC, jsonBody, endpoint));
      return this;
    }

    Builder authenticatedRoute(String method, String pattern, boolean jsonBody, Endpoint endpoint) {
      routes.add(new Route(method, pattern, Access.CLIENT_CERTIFICATE, jsonBody, endpoint));
      return this;
    }

    Builder loopbackRoute(String method, String pattern, boolean jsonBody, Endpoint endpoint) {
      routes.add(new Route(method, pattern, Access.LOOPBACK, jsonBody, endpoint));
      return this;
    }

    Router build() {
      return new Router(routes);
    }
  }
}
