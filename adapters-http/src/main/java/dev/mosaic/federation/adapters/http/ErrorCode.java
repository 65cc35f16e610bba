package dev.mosaic.federation.adapters.http;

/** The error codes of the wire protocol (SPEC §9) and the HTTP status each one travels with. */
enum ErrorCode {
  INVALID_REQUEST("invalid_request", 400),
  UNAUTHORIZED("unauthorized", 401),
  FORBIDDEN("forbidden", 403),
  GRANT_REVOKED("grant_revoked", 403),
  SCOPE_VIOLATION("scope_violation", 403),
  NOT_FOUND("not_found", 404),
  METHOD_NOT_ALLOWED("method_not_allowed", 405),
  GONE("gone", 410),
  PAYLOAD_TOO_LARGE("payload_too_large", 413),
  RATE_LIMITED("rate_limited", 429),
  INTERNAL("internal", 500),
  UNAVAILABLE("unavailable", 503);

  private final String wireName;
  private final int status;

  ErrorCode(String wireName, int status) {
    this.wireName = wireName;
    this.status = status;
  }

  /** The {@code error.code} value. */
  String wireName() {
    return wireName;
  }

  int status() {
    return status;
  }
}
