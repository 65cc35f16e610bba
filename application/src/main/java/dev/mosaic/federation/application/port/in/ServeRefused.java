package dev.mosaic.federation.application.port.in;

import java.util.Objects;

/**
 * A federated request refused before any data was read: {@link Refusal#statusCode()} and {@link
 * Refusal#errorCode()} give the HTTP status and the §9 code — 401 {@code unauthorized}, 403 {@code
 * forbidden} / {@code grant_revoked} / {@code scope_violation}, 400 {@code invalid_request}
 * (unknown resource, limit below 1, non-UUID id, bad {@code updatedSince}, invalid cursor).
 *
 * @param message safe to send: never names another user, grant, SQL or key material
 */
public record ServeRefused(Refusal refusal, String message) implements ServeFailure {
  public ServeRefused {
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(message, "message");
  }
}
