package dev.mosaic.federation.domain.access;

/**
 * Why a request was refused by scope (SPEC §5.2 steps 4–5). HTTP: {@link #UNKNOWN_RESOURCE} and
 * {@link #INVALID_LIMIT} → 400 {@code invalid_request}; the others → 403 {@code scope_violation}.
 */
public enum DenialReason {
  /** Not one of the closed list of resource names. */
  UNKNOWN_RESOURCE,
  /** A limit below 1. */
  INVALID_LIMIT,
  /** A known resource the scope's {@code resources} does not list. */
  NOT_GRANTED,
  /** A resource in the scope's {@code excluded_resources}. */
  EXCLUDED,
  /** {@code credentials} or {@code api_keys}: never served in this version. */
  SENSITIVE;

  /** Whether the request was malformed (400) rather than outside the scope (403). */
  public boolean isInvalidRequest() {
    return this == UNKNOWN_RESOURCE || this == INVALID_LIMIT;
  }
}
