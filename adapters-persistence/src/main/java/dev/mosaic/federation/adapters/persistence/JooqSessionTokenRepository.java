package dev.mosaic.federation.adapters.persistence;

import static dev.mosaic.federation.adapters.persistence.generated.Tables.FEDERATION_SESSION_TOKENS;

import dev.mosaic.federation.adapters.persistence.generated.tables.records.FederationSessionTokensRecord;
import dev.mosaic.federation.application.port.out.SessionToken;
import dev.mosaic.federation.application.port.out.SessionTokenRepository;
import dev.mosaic.federation.domain.enrollment.TokenHash;
import dev.mosaic.federation.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.Optional;

/** {@code federation_session_tokens}: hashes only. */
final class JooqSessionTokenRepository implements SessionTokenRepository {
  private final JooqTransactor db;

  @Inject
  JooqSessionTokenRepository(JooqTransactor db) {
    this.db = db;
  }

  @Override
  public void insert(SessionToken token) {
    db.run(
        "storing a session token",
        dsl ->
            dsl.insertInto(FEDERATION_SESSION_TOKENS)
                .set(
                    new FederationSessionTokensRecord(
                        token.hash().hex(),
                        token.userId().value(),
                        Columns.micros(token.createdAt())))
                .execute());
  }

  @Override
  public Optional<SessionToken> findByHash(TokenHash hash) {
    return db.call(
        "finding a session token",
        dsl ->
            dsl.selectFrom(FEDERATION_SESSION_TOKENS)
                .where(FEDERATION_SESSION_TOKENS.TOKEN_HASH.eq(hash.hex()))
                .fetchOptional(
                    row ->
                        new SessionToken(
                            new TokenHash(row.getTokenHash()),
                            new UserId(row.getUserId()),
                            row.getCreatedAt())));
  }

  @Override
  public int deleteByUser(UserId user) {
    return db.call(
        "deleting session tokens",
        dsl ->
            dsl.deleteFrom(FEDERATION_SESSION_TOKENS)
                .where(FEDERATION_SESSION_TOKENS.USER_ID.eq(user.value()))
                .execute());
  }
}
