package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.AuthenticateSessionUseCase;
import dev.mosaic.federation.application.port.in.SessionAuthentication;
import dev.mosaic.federation.application.port.out.SessionToken;
import dev.mosaic.federation.application.port.out.SessionTokenRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.enrollment.TokenHash;
import dev.mosaic.federation.domain.user.User;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * {@link AuthenticateSessionUseCase}: base64url-decodes the token to its 32 raw bytes and looks up
 * their SHA-256, as {@link IssueSessionTokenService} stored it; the user comes from the stored row
 * only.
 */
public class AuthenticateSessionService implements AuthenticateSessionUseCase {
  /** base64url of 32 bytes is 43 characters (44 with padding); anything longer is refused. */
  private static final int MAX_TEXT = 64;

  private final SessionTokenRepository tokens;
  private final UserDirectory users;

  @Inject
  public AuthenticateSessionService(SessionTokenRepository tokens, UserDirectory users) {
    this.tokens = tokens;
    this.users = users;
  }

  @Override
  public SessionAuthentication authenticate(String bearerToken) {
    Optional<byte[]> raw = decode(bearerToken);
    if (raw.isEmpty()) {
      return new SessionAuthentication.Unauthenticated();
    }
    byte[] bytes = raw.get();
    TokenHash hash;
    try {
      hash = TokenHash.of(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    Optional<User> user =
        tokens
            .findByHash(hash)
            .map(SessionToken::userId)
            .flatMap(users::findUserById)
            .filter(u -> !u.isDeleted());
    return user.<SessionAuthentication>map(SessionAuthentication.Authenticated::new)
        .orElseGet(SessionAuthentication.Unauthenticated::new);
  }

  private static Optional<byte[]> decode(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String text = token.strip();
    if (text.isEmpty() || text.length() > MAX_TEXT) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(text);
      return bytes.length == IssueSessionTokenService.TOKEN_BYTES
          ? Optional.of(bytes)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
