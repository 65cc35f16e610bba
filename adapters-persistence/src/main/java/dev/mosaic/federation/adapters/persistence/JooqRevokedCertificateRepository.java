package dev.mosaic.federation.adapters.persistence;

import static dev.mosaic.federation.adapters.persistence.generated.Tables.FEDERATION_REVOKED_CERTIFICATES;

import dev.mosaic.federation.adapters.persistence.generated.tables.records.FederationRevokedCertificatesRecord;
import dev.mosaic.federation.application.port.out.RevokedCertificateRepository;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import jakarta.inject.Inject;
import java.util.List;

/** {@code federation_revoked_certificates}, keyed by fingerprint. */
final class JooqRevokedCertificateRepository implements RevokedCertificateRepository {
  private final JooqTransactor db;

  @Inject
  JooqRevokedCertificateRepository(JooqTransactor db) {
    this.db = db;
  }

  @Override
  public void add(RevokedCertificate certificate) {
    db.run(
        "listing a revoked certificate",
        dsl ->
            dsl.insertInto(FEDERATION_REVOKED_CERTIFICATES)
                .set(
                    new FederationRevokedCertificatesRecord(
                        certificate.fingerprint().hex(),
                        certificate.serialNumber(),
                        certificate.grantId().value(),
                        Columns.micros(certificate.notAfter()),
                        Columns.micros(certificate.revokedAt()),
                        certificate.reason()))
                .onConflictDoNothing()
                .execute());
  }

  @Override
  public List<RevokedCertificate> findAll() {
    return db.call(
        "reading the revoked list",
        dsl ->
            dsl.selectFrom(FEDERATION_REVOKED_CERTIFICATES)
                .orderBy(
                    FEDERATION_REVOKED_CERTIFICATES.REVOKED_AT,
                    FEDERATION_REVOKED_CERTIFICATES.FINGERPRINT.collate("C"))
                .fetch(
                    row ->
                        new RevokedCertificate(
                            new CertificateFingerprint(row.getFingerprint()),
                            row.getSerialNumber(),
                            new GrantId(row.getGrantId()),
                            row.getNotAfter(),
                            row.getRevokedAt(),
                            row.getReason())));
  }
}
