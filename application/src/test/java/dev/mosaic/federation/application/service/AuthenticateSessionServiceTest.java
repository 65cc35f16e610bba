package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.in.IssueSessionTokenResult;
import dev.mosaic.federation.application.port.in.SessionAuthentication;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthenticateSessionServiceTest {
  private final InMemoryStores stores = new InMemoryStores();
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0);
  private final IssueSessionTokenService issuer =
      new IssueSessionTokenService(
          stores.users(), stores.sessionTokens(), clock, new SecureRandom());
  private final AuthenticateSessionService service =
      new AuthenticateSessionService(stores.sessionTokens(), stores.users());

  private final User u = User.of(new UserId(UUID.randomUUID()), "ursula");
  private final User v = User.of(new UserId(UUID.randomUUID()), "victor");

  AuthenticateSessionServiceTest() {
    stores.users().addUser(u);
    stores.users().addUser(v);
  }

  private String tokenOf(User user) {
    return ((IssueSessionTokenResult.Issued) issuer.issue(user.handle())).token().value();
  }

  @Test
  void authenticate_issuedToken_yieldsItsOwnUserOnly() {
    String uToken = tokenOf(u);
    String vToken = tokenOf(v);

    assertThat(service.authenticate(uToken)).isEqualTo(new SessionAuthentication.Authenticated(u));
    assertThat(service.authenticate(vToken)).isEqualTo(new SessionAuthentication.Authenticated(v));
  }

  @Test
  void authenticate_tokenWithSurroundingWhitespace_isAccepted() {
    String token = tokenOf(u);

    assertThat(service.authenticate(" " + token + "\n"))
        .isEqualTo(new SessionAuthentication.Authenticated(u));
  }

  @Test
  void authenticate_unknownOrMalformedToken_isUnauthenticated() {
    String token = tokenOf(u);
    char first = token.charAt(0);
    String altered = (first == 'A' ? 'B' : 'A') + token.substring(1);
    String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
    for (String bad :
        new String[] {
          altered,
          unknown,
          "",
          "   ",
          "not a token!",
          token + token,
          token.substring(2),
          "A".repeat(5000)
        }) {
      assertThat(service.authenticate(bad))
          .as("'%s'", bad)
          .isInstanceOf(SessionAuthentication.Unauthenticated.class);
    }
    assertThat(service.authenticate(null))
        .isInstanceOf(SessionAuthentication.Unauthenticated.class);
  }

  @Test
  void authenticate_tokenOfADeletedUser_isUnauthenticated() {
    String token = tokenOf(u);
    stores.users().markUserDeleted(u.id(), clock.instant());

    assertThat(service.authenticate(token))
        .isInstanceOf(SessionAuthentication.Unauthenticated.class);
  }
}
