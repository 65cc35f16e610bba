package dev.mosaic.federation.application.port.in;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A federated read of one resource.
 *
 * @param resource the resource name from the path, unchecked
 * @param limit the request's {@code limit}, if given
 */
public record AuthorizeRequestCommand(
    CertificateIdentity identity, String resource, OptionalInt limit) {
  public AuthorizeRequestCommand {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(limit, "limit");
  }
}
