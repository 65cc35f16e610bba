package dev.mosaic.federation.adapters.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Ends the handling of a request with an error envelope. Thrown by the wire rules and endpoints for
 * bad input and refusals; the dispatcher turns it into the response. The message is sent to the
 * client as is, so it must never hold a token, key material, SQL or another user's identifiers.
 */
final class WireException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient Optional<Duration> retryAfter;
  private final transient Map<String, String> headers;

  private WireException(
      ErrorCode code, String message, Optional<Duration> retryAfter, Map<String, String> headers) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.retryAfter = retryAfter;
    this.headers = Map.copyOf(headers);
  }

  static WireException of(ErrorCode code, String message) {
    return new WireException(code, message, Optional.empty(), Map.of());
  }

  /** 400 {@code invalid_request}. */
  static WireException invalid(String message) {
    return of(ErrorCode.INVALID_REQUEST, message);
  }

  /** An error the client may retry after {@code retryAfter} (429, 503). */
  static WireException retryable(ErrorCode code, String message, Duration retryAfter) {
    return new WireException(code, message, Optional.of(retryAfter), Map.of());
  }

  /** 401 {@code unauthorized} asking for a bearer token ({@code WWW-Authenticate: Bearer}). */
  static WireException bearerRequired(String message) {
    return new WireException(
        ErrorCode.UNAUTHORIZED, message, Optional.empty(), Map.of("WWW-Authenticate", "Bearer"));
  }

  /** An error after which the server closes the connection ({@code Connection: close}). */
  static WireException closing(ErrorCode code, String message) {
    return new WireException(code, message, Optional.empty(), Map.of("Connection", "close"));
  }

  /** 405 with the {@code Allow} header. */
  static WireException methodNotAllowed(String allow) {
    return new WireException(
        ErrorCode.METHOD_NOT_ALLOWED,
        "method not allowed; allowed: " + allow,
        Optional.empty(),
        Map.of("Allow", allow));
  }

  ErrorCode code() {
    return code;
  }

  Optional<Duration> retryAfter() {
    return retryAfter;
  }

  /** Extra response headers. */
  Map<String, String> headers() {
    return headers;
  }
}
