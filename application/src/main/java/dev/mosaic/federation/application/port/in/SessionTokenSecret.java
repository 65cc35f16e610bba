package dev.mosaic.federation.application.port.in;

import java.util.Objects;

/**
 * A local user's bearer token for the session API, in its text form (base64url of 32 random bytes).
 * Exists only in the result of {@link IssueSessionTokenUseCase#issue}: print it once.
 */
public record SessionTokenSecret(String value) {
  public SessionTokenSecret {
    Objects.requireNonNull(value, "value");
  }

  /** Never reveals the token. */
  @Override
  public String toString() {
    return "SessionTokenSecret[redacted]";
  }
}
