package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.IssueSessionTokenResult;
import dev.mosaic.federation.application.port.in.IssueSessionTokenUseCase;
import dev.mosaic.federation.application.port.in.SessionTokenSecret;
import dev.mosaic.federation.application.port.out.SessionToken;
import dev.mosaic.federation.application.port.out.SessionTokenRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.enrollment.TokenHash;
import dev.mosaic.federation.domain.user.User;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/** {@link IssueSessionTokenUseCase}: 32 random bytes, stored as their SHA-256 only. */
public class IssueSessionTokenService implements IssueSessionTokenUseCase {
  static final int TOKEN_BYTES = 32;

  private final UserDirectory users;
  private final SessionTokenRepository tokens;
  private final InstantSource clock;
  private final SecureRandom random;

  @Inject
  public IssueSessionTokenService(
      UserDirectory users,
      SessionTokenRepository tokens,
      InstantSource clock,
      SecureRandom random) {
    this.users = users;
    this.tokens = tokens;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public IssueSessionTokenResult issue(String handle) {
    Optional<User> user = users.findUserByHandle(handle.strip()).filter(u -> !u.isDeleted());
    if (user.isEmpty()) {
      return new IssueSessionTokenResult.UnknownUser(handle);
    }
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    try {
      tokens.insert(new SessionToken(TokenHash.of(bytes), user.get().id(), Times.now(clock)));
      return new IssueSessionTokenResult.Issued(
          user.get(),
          new SessionTokenSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
