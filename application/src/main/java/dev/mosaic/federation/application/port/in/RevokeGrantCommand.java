package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.grant.GrantId;
import java.util.Objects;
import java.util.Optional;

/** {@code mosaic federation grant revoke <id> [--reason ...]}. */
public record RevokeGrantCommand(GrantId grantId, Optional<String> reason) {
  public RevokeGrantCommand {
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(reason, "reason");
  }
}
