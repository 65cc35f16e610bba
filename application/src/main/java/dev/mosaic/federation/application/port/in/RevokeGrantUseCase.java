package dev.mosaic.federation.application.port.in;

/**
 * Revokes a grant (SPEC §5.3): in one transaction that locks the grant row, the grant becomes
 * revoked, its pinned certificates go to the revoked list and an audit row is written; then the CA
 * revokes the certificates and every replica is told.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when the transaction
 *     fails (nothing changed then)
 */
public interface RevokeGrantUseCase {
  RevokeGrantResult revoke(RevokeGrantCommand command);
}
