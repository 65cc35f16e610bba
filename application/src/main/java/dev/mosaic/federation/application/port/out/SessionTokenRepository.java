package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.enrollment.TokenHash;
import dev.mosaic.federation.domain.user.UserId;
import java.util.Optional;

/**
 * Session-API bearer tokens of local users, stored by hash only. A token read back equals the token
 * saved (instants at microsecond precision).
 *
 * <p>Every method throws {@link InfrastructureException} when the store fails, and nothing else.
 */
public interface SessionTokenRepository {
  /**
   * Stores a new token.
   *
   * @throws InfrastructureException also when a token with that hash exists, or its user does not
   *     (non-transient)
   */
  void insert(SessionToken token);

  Optional<SessionToken> findByHash(TokenHash hash);

  /**
   * Forgets every token of {@code user}.
   *
   * @return how many tokens were deleted
   */
  int deleteByUser(UserId user);
}
