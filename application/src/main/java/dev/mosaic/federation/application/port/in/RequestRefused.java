package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.grant.Grant;
import java.util.Objects;
import java.util.Optional;

/**
 * A refused federated request.
 *
 * @param grant the grant, when the certificate named one that exists (for the audit row)
 * @param message safe to send to the peer: never names another user, grant or key material
 * @param auditReason the precise reason, for the audit row only
 */
public record RequestRefused(
    Refusal refusal, Optional<Grant> grant, String message, String auditReason)
    implements IdentityCheck, Authorization {
  public RequestRefused {
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(auditReason, "auditReason");
  }
}
