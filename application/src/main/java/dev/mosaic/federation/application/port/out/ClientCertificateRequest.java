package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.user.UserId;
import java.util.Objects;

/**
 * What to issue: a client certificate for the public key of {@code csr} (already {@linkplain
 * CsrVerifier verified}), subject CN = {@code commonName}, clientAuth only, with the grant and
 * subject-user extensions.
 */
public record ClientCertificateRequest(
    CertificateSigningRequest csr, PeerName commonName, GrantId grantId, UserId subjectUserId) {
  public ClientCertificateRequest {
    Objects.requireNonNull(csr, "csr");
    Objects.requireNonNull(commonName, "commonName");
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(subjectUserId, "subjectUserId");
  }
}
