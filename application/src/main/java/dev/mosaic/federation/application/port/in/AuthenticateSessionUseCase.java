package dev.mosaic.federation.application.port.in;

/**
 * Derives the local user of a session-API request from its bearer token (SPEC §8): the token is
 * hashed exactly as {@link IssueSessionTokenUseCase} stored it. A token of user U only ever yields
 * U.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when a store fails
 *     (answer 503)
 */
public interface AuthenticateSessionUseCase {
  /**
   * @param bearerToken the text after {@code Bearer } in the {@code Authorization} header
   */
  SessionAuthentication authenticate(String bearerToken);
}
