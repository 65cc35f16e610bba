package dev.mosaic.federation.adapters.persistence;

import static dev.mosaic.federation.adapters.persistence.generated.Tables.FEDERATION_GRANTS;
import static dev.mosaic.federation.adapters.persistence.generated.Tables.FEDERATION_PINNED_CERTIFICATES;

import dev.mosaic.federation.adapters.persistence.generated.tables.records.FederationGrantsRecord;
import dev.mosaic.federation.adapters.persistence.generated.tables.records.FederationPinnedCertificatesRecord;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.PinnedCertificate;
import dev.mosaic.federation.domain.pki.PinnedCertificates;
import dev.mosaic.federation.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code federation_grants} with their pins in {@code federation_pinned_certificates} (slot {@code
 * current} and {@code previous}, so at most two per grant).
 */
final class JooqGrantRepository implements GrantRepository {
  private static final String CURRENT = "current";
  private static final String PREVIOUS = "previous";

  private final JooqTransactor db;

  @Inject
  JooqGrantRepository(JooqTransactor db) {
    this.db = db;
  }

  @Override
  public void insert(Grant grant) {
    db.inTransaction(
        () -> {
          db.run(
              "storing a grant",
              dsl -> {
                dsl.insertInto(FEDERATION_GRANTS).set(toRecord(grant)).execute();
                insertPins(dsl, grant);
              });
          return null;
        });
  }

  @Override
  public void update(Grant grant) {
    db.inTransaction(
        () -> {
          int updated =
              db.call(
                  "updating a grant",
                  dsl -> {
                    FederationGrantsRecord row = toRecord(grant);
                    int count =
                        dsl.update(FEDERATION_GRANTS)
                            .set(row)
                            .where(FEDERATION_GRANTS.ID.eq(grant.id().value()))
                            .execute();
                    if (count == 1) {
                      dsl.deleteFrom(FEDERATION_PINNED_CERTIFICATES)
                          .where(FEDERATION_PINNED_CERTIFICATES.GRANT_ID.eq(grant.id().value()))
                          .execute();
                      insertPins(dsl, grant);
                    }
                    return count;
                  });
          if (updated == 0) {
            throw SqlFailures.missing("the grant to update");
          }
          return null;
        });
  }

  @Override
  public Optional<Grant> findById(GrantId id) {
    return find(FEDERATION_GRANTS.ID.eq(id.value()), false).stream().findFirst();
  }

  @Override
  public Optional<Grant> findByIdForUpdate(GrantId id) {
    return find(FEDERATION_GRANTS.ID.eq(id.value()), db.inTransaction()).stream().findFirst();
  }

  @Override
  public List<Grant> findBySubject(UserId subject) {
    return find(FEDERATION_GRANTS.SUBJECT_USER_ID.eq(subject.value()), false);
  }

  @Override
  public List<Grant> findByPeer(PeerId peer) {
    return find(FEDERATION_GRANTS.PEER_ID.eq(peer.value()), false);
  }

  @Override
  public List<Grant> findAll() {
    return find(DSL.noCondition(), false);
  }

  private List<Grant> find(Condition condition, boolean lock) {
    return db.call(
        "reading grants",
        dsl -> {
          var select =
              dsl.selectFrom(FEDERATION_GRANTS)
                  .where(condition)
                  .orderBy(FEDERATION_GRANTS.CREATED_AT, FEDERATION_GRANTS.ID);
          List<FederationGrantsRecord> rows = lock ? select.forUpdate().fetch() : select.fetch();
          if (rows.isEmpty()) {
            return List.of();
          }
          Map<UUID, List<FederationPinnedCertificatesRecord>> pins =
              dsl
                  .selectFrom(FEDERATION_PINNED_CERTIFICATES)
                  .where(
                      FEDERATION_PINNED_CERTIFICATES.GRANT_ID.in(
                          rows.stream().map(FederationGrantsRecord::getId).toList()))
                  .fetch()
                  .stream()
                  .collect(Collectors.groupingBy(FederationPinnedCertificatesRecord::getGrantId));
          List<Grant> grants = new ArrayList<>(rows.size());
          for (FederationGrantsRecord row : rows) {
            grants.add(toGrant(row, pins.getOrDefault(row.getId(), List.of())));
          }
          return grants;
        });
  }

  private static void insertPins(DSLContext dsl, Grant grant) {
    PinnedCertificates pins = grant.pinnedCertificates();
    pins.current().ifPresent(pin -> insertPin(dsl, grant.id(), CURRENT, pin));
    pins.previous().ifPresent(pin -> insertPin(dsl, grant.id(), PREVIOUS, pin));
  }

  private static void insertPin(DSLContext dsl, GrantId grant, String slot, PinnedCertificate pin) {
    dsl.insertInto(FEDERATION_PINNED_CERTIFICATES)
        .set(
            new FederationPinnedCertificatesRecord(
                grant.value(),
                slot,
                pin.fingerprint().hex(),
                pin.serialNumber(),
                Columns.micros(pin.notAfter())))
        .execute();
  }

  private static FederationGrantsRecord toRecord(Grant grant) {
    return new FederationGrantsRecord(
        grant.id().value(),
        grant.peerId().value(),
        grant.subjectUserId().value(),
        ScopeJson.toJsonb(grant.scope()),
        Columns.toWire(grant.status()),
        Columns.micros(grant.createdAt()),
        Columns.micros(grant.expiresAt()),
        Columns.micros(grant.activatedAt()),
        Columns.micros(grant.revokedAt()),
        Columns.orNull(grant.revokeReason()),
        Columns.micros(grant.updatedAt()));
  }

  private static Grant toGrant(
      FederationGrantsRecord row, List<FederationPinnedCertificatesRecord> pins) {
    return Grant.rehydrate(
        new GrantId(row.getId()),
        new PeerId(row.getPeerId()),
        new UserId(row.getSubjectUserId()),
        ScopeJson.fromJsonb(row.getScope()),
        Columns.fromWire(GrantStatus.class, row.getStatus()),
        row.getCreatedAt(),
        Optional.ofNullable(row.getExpiresAt()),
        Optional.ofNullable(row.getActivatedAt()),
        Optional.ofNullable(row.getRevokedAt()),
        Optional.ofNullable(row.getRevokeReason()),
        row.getUpdatedAt(),
        new PinnedCertificates(pin(pins, CURRENT), pin(pins, PREVIOUS)));
  }

  private static Optional<PinnedCertificate> pin(
      List<FederationPinnedCertificatesRecord> pins, String slot) {
    return pins.stream()
        .filter(p -> p.getSlot().equals(slot))
        .findFirst()
        .map(
            p ->
                new PinnedCertificate(
                    new CertificateFingerprint(p.getFingerprint()),
                    p.getSerialNumber(),
                    p.getNotAfter()));
  }
}
