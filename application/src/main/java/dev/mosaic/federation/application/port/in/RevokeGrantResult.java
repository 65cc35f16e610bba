package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import java.util.List;
import java.util.Objects;

/** The outcome of {@link RevokeGrantUseCase#revoke}. */
public sealed interface RevokeGrantResult {
  /**
   * The grant is revoked and its pinned certificates are on the revoked list (committed).
   *
   * @param warnings follow-up steps that failed after the commit (CA revoke, broadcast); the
   *     revocation stands regardless, because identity is decided by the database
   */
  record Revoked(Grant grant, List<RevokedCertificate> certificates, List<String> warnings)
      implements RevokeGrantResult {
    public Revoked {
      Objects.requireNonNull(grant, "grant");
      certificates = List.copyOf(certificates);
      warnings = List.copyOf(warnings);
    }
  }

  record NotFound(GrantId grantId) implements RevokeGrantResult {}

  /** Revoked is terminal; nothing changed. */
  record AlreadyRevoked(Grant grant) implements RevokeGrantResult {}
}
