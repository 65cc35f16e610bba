package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.SessionToken;
import dev.mosaic.federation.application.port.out.SessionTokenRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.enrollment.TokenHash;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SessionTokenRepository}: hashes only, found by hash, forgotten per user. */
public abstract class SessionTokenRepositoryContract {
  private static final SecureRandom RANDOM = new SecureRandom();

  protected SessionTokenRepository tokens;
  private UserDirectory users;

  protected abstract SessionTokenRepository createSessionTokenRepository();

  protected abstract UserDirectory userDirectory();

  @BeforeEach
  void setUpSessionTokenRepositoryContract() {
    tokens = createSessionTokenRepository();
    users = userDirectory();
  }

  private User aStoredUser() {
    User user = User.of(new UserId(UUID.randomUUID()), "u-" + UUID.randomUUID());
    users.addUser(user);
    return user;
  }

  private static TokenHash aHash() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return TokenHash.of(raw);
  }

  private SessionToken aStoredToken(User user) {
    SessionToken token = new SessionToken(aHash(), user.id(), Times.T0);
    tokens.insert(token);
    return token;
  }

  @Test
  void insert_token_isFoundByHash() {
    SessionToken token = aStoredToken(aStoredUser());

    assertThat(tokens.findByHash(token.hash())).contains(token);
  }

  @Test
  void findByHash_unknown_isEmpty() {
    aStoredToken(aStoredUser());

    assertThat(tokens.findByHash(aHash())).isEmpty();
  }

  @Test
  void insert_sameHashTwice_throwsInfrastructureException() {
    User user = aStoredUser();
    SessionToken token = aStoredToken(user);

    assertThatThrownBy(() -> tokens.insert(new SessionToken(token.hash(), user.id(), Times.T0)))
        .isInstanceOf(InfrastructureException.class);
  }

  @Test
  void insert_unknownUser_throwsInfrastructureException() {
    SessionToken orphan = new SessionToken(aHash(), new UserId(UUID.randomUUID()), Times.T0);

    assertThatThrownBy(() -> tokens.insert(orphan)).isInstanceOf(InfrastructureException.class);
    assertThat(tokens.findByHash(orphan.hash())).isEmpty();
  }

  @Test
  void deleteByUser_removesOnlyThatUsersTokens() {
    User alice = aStoredUser();
    User bob = aStoredUser();
    SessionToken first = aStoredToken(alice);
    SessionToken second = aStoredToken(alice);
    SessionToken bobs = aStoredToken(bob);

    int deleted = tokens.deleteByUser(alice.id());

    assertThat(deleted).isEqualTo(2);
    assertThat(tokens.findByHash(first.hash())).isEmpty();
    assertThat(tokens.findByHash(second.hash())).isEmpty();
    assertThat(tokens.findByHash(bobs.hash())).contains(bobs);
  }

  @Test
  void deleteByUser_withoutTokens_deletesNothing() {
    assertThat(tokens.deleteByUser(aStoredUser().id())).isZero();
  }
}
