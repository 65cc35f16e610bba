package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.in.IssueSessionTokenResult;
import dev.mosaic.federation.application.port.out.SessionToken;
import dev.mosaic.federation.domain.enrollment.TokenHash;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IssueSessionTokenServiceTest {
  private final InMemoryStores stores = new InMemoryStores();
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0);
  private final IssueSessionTokenService service =
      new IssueSessionTokenService(
          stores.users(), stores.sessionTokens(), clock, new SecureRandom());
  private final User alice = User.of(new UserId(UUID.randomUUID()), "alice");

  IssueSessionTokenServiceTest() {
    stores.users().addUser(alice);
  }

  private IssueSessionTokenResult.Issued issued(IssueSessionTokenResult result) {
    assertThat(result).isInstanceOf(IssueSessionTokenResult.Issued.class);
    return (IssueSessionTokenResult.Issued) result;
  }

  @Test
  void issue_knownUser_storesOnlyTheHashOf32RandomBytes() {
    IssueSessionTokenResult.Issued result = issued(service.issue("alice"));

    byte[] raw = Base64.getUrlDecoder().decode(result.token().value());
    assertThat(raw).hasSize(32);
    TokenHash hash = TokenHash.of(raw);
    assertThat(stores.sessionTokens().findByHash(hash))
        .contains(new SessionToken(hash, alice.id(), Times.T0));
    assertThat(hash.hex()).isNotEqualTo(result.token().value());
    assertThat(result.user()).isEqualTo(alice);
  }

  @Test
  void issue_twice_mintsDifferentTokensThatBothStay() {
    String first = issued(service.issue("alice")).token().value();
    String second = issued(service.issue("alice")).token().value();

    assertThat(first).isNotEqualTo(second);
    assertThat(stores.sessionTokens().findByHash(TokenHash.of(decode(first)))).isPresent();
    assertThat(stores.sessionTokens().findByHash(TokenHash.of(decode(second)))).isPresent();
  }

  @Test
  void issue_resultsNeverPrintTheToken() {
    IssueSessionTokenResult.Issued result = issued(service.issue("alice"));

    assertThat(result.toString()).doesNotContain(result.token().value());
  }

  @Test
  void issue_unknownOrDeletedUser_isUnknownUserAndStoresNothing() {
    User gone = User.of(new UserId(UUID.randomUUID()), "gone");
    stores.users().addUser(gone);
    stores.users().markUserDeleted(gone.id(), Times.T0);

    assertThat(service.issue("nobody"))
        .isEqualTo(new IssueSessionTokenResult.UnknownUser("nobody"));
    assertThat(service.issue("gone")).isEqualTo(new IssueSessionTokenResult.UnknownUser("gone"));
    assertThat(stores.sessionTokens().deleteByUser(gone.id())).isZero();
  }

  private static byte[] decode(String token) {
    return Base64.getUrlDecoder().decode(token);
  }
}
