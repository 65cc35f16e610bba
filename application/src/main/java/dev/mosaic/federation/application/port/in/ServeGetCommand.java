package dev.mosaic.federation.application.port.in;

import java.util.Objects;

/**
 * {@code POST /api/federation/v1/get/{resource}/{id}} with {@code {}}.
 *
 * @param resource the path segment, unchecked
 * @param id the path segment, unchecked (must be a canonical UUID, else 400)
 */
public record ServeGetCommand(FederatedRequestContext context, String resource, String id) {
  public ServeGetCommand {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(id, "id");
  }
}
