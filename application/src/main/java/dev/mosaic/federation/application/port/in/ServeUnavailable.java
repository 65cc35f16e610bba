package dev.mosaic.federation.application.port.in;

import java.util.Objects;

/**
 * 503 {@code unavailable}: a store failed (the audit log among them). Nothing is served — in
 * particular nothing unaudited.
 *
 * @param message safe to send (no SQL, no vendor text)
 */
public record ServeUnavailable(String message) implements ServeFailure {
  public static final String MESSAGE = "the gateway cannot serve this request right now";

  public ServeUnavailable {
    Objects.requireNonNull(message, "message");
  }
}
