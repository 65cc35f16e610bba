package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.SessionToken;
import dev.mosaic.federation.application.port.out.SessionTokenRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.enrollment.TokenHash;
import dev.mosaic.federation.domain.user.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link SessionTokenRepository} in a map; a token's user must exist in {@code users}. */
public final class InMemorySessionTokenRepository
    implements SessionTokenRepository, TransactionParticipant {
  private final UserDirectory users;
  private final Map<TokenHash, SessionToken> tokens = new HashMap<>();

  public InMemorySessionTokenRepository(UserDirectory users) {
    this.users = users;
  }

  @Override
  public synchronized void insert(SessionToken token) {
    if (users.findUserById(token.userId()).isEmpty()) {
      throw new InfrastructureException("the token's user does not exist", false);
    }
    if (tokens.putIfAbsent(token.hash(), token) != null) {
      throw new InfrastructureException("duplicate session token hash", false);
    }
  }

  @Override
  public synchronized Optional<SessionToken> findByHash(TokenHash hash) {
    return Optional.ofNullable(tokens.get(hash));
  }

  @Override
  public synchronized int deleteByUser(UserId user) {
    int before = tokens.size();
    tokens.values().removeIf(t -> t.userId().equals(user));
    return before - tokens.size();
  }

  @Override
  public synchronized Object snapshot() {
    return new HashMap<>(tokens);
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized void restore(Object snapshot) {
    tokens.clear();
    tokens.putAll((Map<TokenHash, SessionToken>) snapshot);
  }
}
