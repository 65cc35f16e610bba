package dev.mosaic.federation.application.port.in;

/**
 * Mints a single-use enrollment token for a pending grant, or for an active one to re-enroll (SPEC
 * §5.1 step 2), stores its hash and audits {@code token_issued}.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when a store or the CA
 *     fails
 */
public interface IssueEnrollmentTokenUseCase {
  IssueEnrollmentTokenResult issue(IssueEnrollmentTokenCommand command);
}
