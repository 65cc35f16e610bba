package dev.mosaic.federation.application.port.in;

/** Why a federated request is refused, with its HTTP status and error code (SPEC §9). */
public enum Refusal {
  /** Grant or subject extension missing or malformed. */
  UNAUTHORIZED(401, "unauthorized"),
  /**
   * Unknown grant, pending or expired grant, subject mismatch, certificate not pinned, subject user
   * gone — one generic answer, so grants cannot be probed.
   */
  FORBIDDEN(403, "forbidden"),
  GRANT_REVOKED(403, "grant_revoked"),
  /** Unknown resource name or a limit below 1. */
  INVALID_REQUEST(400, "invalid_request"),
  /** Resource not granted, excluded, or sensitive. */
  SCOPE_VIOLATION(403, "scope_violation"),
  /** No such path under {@code /api/federation/v1/} (refused by the wire rules). */
  NOT_FOUND(404, "not_found"),
  /** Another method on a known path (refused by the wire rules). */
  METHOD_NOT_ALLOWED(405, "method_not_allowed"),
  /** A body over 64 KiB (refused by the wire rules). */
  PAYLOAD_TOO_LARGE(413, "payload_too_large");

  private final int statusCode;
  private final String errorCode;

  Refusal(int statusCode, String errorCode) {
    this.statusCode = statusCode;
    this.errorCode = errorCode;
  }

  public int statusCode() {
    return statusCode;
  }

  /** The {@code error.code} of the response body. */
  public String errorCode() {
    return errorCode;
  }
}
