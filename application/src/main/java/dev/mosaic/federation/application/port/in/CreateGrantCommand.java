package dev.mosaic.federation.application.port.in;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code mosaic federation grant create}.
 *
 * @param subject the subject user's handle or UUID
 * @param peerName the requesting gateway's name; the peer is created if new
 * @param scopeDocument the scope as a generic JSON tree (see {@link
 *     dev.mosaic.federation.domain.scope.Scope#parse(Object)})
 * @param expiresIn when present, the grant expires this long after creation
 */
public record CreateGrantCommand(
    String subject, String peerName, Object scopeDocument, Optional<Duration> expiresIn) {
  public CreateGrantCommand {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(peerName, "peerName");
    Objects.requireNonNull(expiresIn, "expiresIn");
  }
}
