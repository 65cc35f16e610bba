package dev.mosaic.federation.application.port.in;

/**
 * {@code mosaic user token <handle>} (SPEC §8): mints a bearer token for a local user's session
 * API: 32 random bytes, stored only as their SHA-256. Earlier tokens of the user stay valid.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when a store fails
 */
public interface IssueSessionTokenUseCase {
  IssueSessionTokenResult issue(String handle);
}
