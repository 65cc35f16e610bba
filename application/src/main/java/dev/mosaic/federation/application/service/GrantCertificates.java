package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.IssuedCertificate;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.peer.Peer;

/**
 * How a grant's client certificate is issued, at enrollment and at renewal alike: CN = the grant's
 * peer name, the grant and subject-user extensions of the grant, only the CSR's public key.
 */
final class GrantCertificates {
  private GrantCertificates() {}

  /**
   * The grant's peer.
   *
   * @throws InfrastructureException (not transient) when the grant names a missing peer
   */
  static Peer peerOf(PeerRepository peers, Grant grant) {
    return peers
        .findById(grant.peerId())
        .orElseThrow(
            () ->
                new InfrastructureException(
                    "grant " + grant.id() + " names a missing peer " + grant.peerId(), false));
  }

  /** Issues the certificate of {@code grant}, held by {@code peer}, for the key of {@code csr}. */
  static IssuedCertificate issue(
      CertificateAuthority ca, Peer peer, Grant grant, CertificateSigningRequest csr) {
    return ca.issueClientCertificate(
        new ClientCertificateRequest(csr, peer.name(), grant.id(), grant.subjectUserId()));
  }
}
