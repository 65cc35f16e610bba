package dev.mosaic.federation.application.port.in;

/**
 * Redeems an enrollment token (SPEC §5.1): in one transaction that locks the grant row, claims the
 * token, signs the CSR, pins the certificate, activates peer and grant, audits.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when a store or the CA
 *     fails
 */
public interface RedeemEnrollmentUseCase {
  RedeemEnrollmentResult redeem(RedeemEnrollmentCommand command);
}
