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
  SCOPE_VIOLATION(403, "scope_violation");

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
