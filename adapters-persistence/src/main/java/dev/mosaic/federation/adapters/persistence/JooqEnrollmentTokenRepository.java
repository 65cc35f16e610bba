package dev.mosaic.federation.adapters.persistence;

import static dev.mosaic.federation.adapters.persistence.generated.Tables.FEDERATION_ENROLLMENT_TOKENS;

import dev.mosaic.federation.adapters.persistence.generated.tables.records.FederationEnrollmentTokensRecord;
import dev.mosaic.federation.application.port.out.EnrollmentTokenRepository;
import dev.mosaic.federation.domain.enrollment.EnrollmentCertificate;
import dev.mosaic.federation.domain.enrollment.EnrollmentToken;
import dev.mosaic.federation.domain.enrollment.TokenHash;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code federation_enrollment_tokens}: hashes only; claiming is a compare-and-set on used_at. */
final class JooqEnrollmentTokenRepository implements EnrollmentTokenRepository {
  private static final String[] NO_CHAIN = new String[0];

  private final JooqTransactor db;

  @Inject
  JooqEnrollmentTokenRepository(JooqTransactor db) {
    this.db = db;
  }

  @Override
  public void insert(EnrollmentToken token) {
    db.run(
        "storing an enrollment token",
        dsl -> dsl.insertInto(FEDERATION_ENROLLMENT_TOKENS).set(toRecord(token)).execute());
  }

  @Override
  public Optional<EnrollmentToken> findByHash(TokenHash hash) {
    return db.call(
        "finding an enrollment token",
        dsl ->
            dsl.selectFrom(FEDERATION_ENROLLMENT_TOKENS)
                .where(FEDERATION_ENROLLMENT_TOKENS.TOKEN_HASH.eq(hash.hex()))
                .fetchOptional(JooqEnrollmentTokenRepository::toToken));
  }

  @Override
  public boolean claim(TokenHash hash, Instant usedAt, PublicKeyFingerprint publicKey) {
    return db.call(
            "claiming an enrollment token",
            dsl ->
                dsl.update(FEDERATION_ENROLLMENT_TOKENS)
                    .set(FEDERATION_ENROLLMENT_TOKENS.USED_AT, Columns.micros(usedAt))
                    .set(FEDERATION_ENROLLMENT_TOKENS.USED_PUBLIC_KEY_FINGERPRINT, publicKey.hex())
                    .where(FEDERATION_ENROLLMENT_TOKENS.TOKEN_HASH.eq(hash.hex()))
                    .and(FEDERATION_ENROLLMENT_TOKENS.USED_AT.isNull())
                    .execute())
        == 1;
  }

  @Override
  public boolean recordIssuedCertificate(TokenHash hash, EnrollmentCertificate certificate) {
    return db.call(
            "recording an enrollment certificate",
            dsl ->
                dsl.update(FEDERATION_ENROLLMENT_TOKENS)
                    .set(
                        FEDERATION_ENROLLMENT_TOKENS.ISSUED_CERTIFICATE_FINGERPRINT,
                        certificate.fingerprint().hex())
                    .set(
                        FEDERATION_ENROLLMENT_TOKENS.ISSUED_CERTIFICATE_PEM,
                        certificate.certificatePem())
                    .set(
                        FEDERATION_ENROLLMENT_TOKENS.ISSUED_CERTIFICATE_CHAIN,
                        certificate.chainPem().toArray(String[]::new))
                    .where(FEDERATION_ENROLLMENT_TOKENS.TOKEN_HASH.eq(hash.hex()))
                    .and(FEDERATION_ENROLLMENT_TOKENS.USED_AT.isNotNull())
                    .execute())
        == 1;
  }

  private static FederationEnrollmentTokensRecord toRecord(EnrollmentToken token) {
    Optional<EnrollmentCertificate> issued = token.issuedCertificate();
    return new FederationEnrollmentTokensRecord(
        token.hash().hex(),
        token.grantId().value(),
        Columns.micros(token.issuedAt()),
        Columns.micros(token.expiresAt()),
        Columns.micros(token.usedAt()),
        token.usedForPublicKey().map(PublicKeyFingerprint::hex).orElse(null),
        issued.map(c -> c.fingerprint().hex()).orElse(null),
        issued.map(EnrollmentCertificate::certificatePem).orElse(null),
        issued.map(c -> c.chainPem().toArray(String[]::new)).orElse(null));
  }

  private static EnrollmentToken toToken(FederationEnrollmentTokensRecord row) {
    Optional<EnrollmentCertificate> issued =
        Optional.ofNullable(row.getIssuedCertificatePem())
            .map(
                pem ->
                    new EnrollmentCertificate(
                        new CertificateFingerprint(row.getIssuedCertificateFingerprint()),
                        pem,
                        List.of(
                            row.getIssuedCertificateChain() == null
                                ? NO_CHAIN
                                : row.getIssuedCertificateChain())));
    return EnrollmentToken.rehydrate(
        new TokenHash(row.getTokenHash()),
        new GrantId(row.getGrantId()),
        row.getIssuedAt(),
        row.getExpiresAt(),
        Optional.ofNullable(row.getUsedAt()),
        Optional.ofNullable(row.getUsedPublicKeyFingerprint()).map(PublicKeyFingerprint::new),
        issued);
  }
}
