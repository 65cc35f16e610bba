package dev.mosaic.federation.adapters.http;

import java.util.Map;
import java.util.Objects;

/**
 * A request as an endpoint sees it: routed, within the size limit, and (for JSON routes) of content
 * type {@code application/json}.
 *
 * @param pathParameters the values of the route's {@code {name}} segments, decoded
 * @param body the raw body, at most {@link WireHandler#MAX_BODY_BYTES}; empty for none
 */
record WireRequest(
    String method,
    String path,
    Map<String, String> pathParameters,
    byte[] body,
    RequestContext context) {
  WireRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    pathParameters = Map.copyOf(pathParameters);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(context, "context");
  }

  /** The body read as {@code type}, with the strict JSON rules of {@link Json#read}. */
  <T> T json(Class<T> type) {
    return Json.read(body, type);
  }
}
