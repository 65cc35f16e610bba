package dev.mosaic.federation.adapters.persistence;

import static dev.mosaic.federation.adapters.persistence.generated.Tables.FEDERATION_LINKS;

import dev.mosaic.federation.adapters.persistence.generated.tables.records.FederationLinksRecord;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkCertificate;
import dev.mosaic.federation.domain.link.LinkId;
import dev.mosaic.federation.domain.link.LinkState;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.SealedSecret;
import dev.mosaic.federation.domain.user.UserId;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** {@code federation_links}: one row per link, unique per (local user, peer name). */
final class JooqLinkRepository implements LinkRepository {
  private final JooqTransactor db;

  @Inject
  JooqLinkRepository(JooqTransactor db) {
    this.db = db;
  }

  @Override
  public InsertOutcome insert(Link link) {
    int inserted =
        db.call(
            "storing a link",
            dsl ->
                dsl.insertInto(FEDERATION_LINKS)
                    .set(toRecord(link))
                    .onConflictDoNothing()
                    .execute());
    return inserted == 1 ? InsertOutcome.INSERTED : InsertOutcome.DUPLICATE;
  }

  @Override
  public void update(Link link) {
    int updated =
        db.call(
            "updating a link",
            dsl ->
                dsl.update(FEDERATION_LINKS)
                    .set(toRecord(link))
                    .where(FEDERATION_LINKS.ID.eq(link.id().value()))
                    .execute());
    if (updated == 0) {
      throw SqlFailures.missing("the link to update");
    }
  }

  @Override
  public boolean delete(LinkId id) {
    return db.call(
            "removing a link",
            dsl ->
                dsl.deleteFrom(FEDERATION_LINKS)
                    .where(FEDERATION_LINKS.ID.eq(id.value()))
                    .execute())
        == 1;
  }

  @Override
  public Optional<Link> findById(LinkId id) {
    return find(id, false);
  }

  @Override
  public Optional<Link> findByIdForUpdate(LinkId id) {
    return find(id, db.inTransaction());
  }

  private Optional<Link> find(LinkId id, boolean lock) {
    return db.call(
        "finding a link",
        dsl -> {
          var select = dsl.selectFrom(FEDERATION_LINKS).where(FEDERATION_LINKS.ID.eq(id.value()));
          return (lock ? select.forUpdate() : select).fetchOptional(JooqLinkRepository::toLink);
        });
  }

  @Override
  public List<Link> findByOwner(UserId owner) {
    return db.call(
        "listing links",
        dsl ->
            dsl.selectFrom(FEDERATION_LINKS)
                .where(FEDERATION_LINKS.LOCAL_USER_ID.eq(owner.value()))
                .orderBy(FEDERATION_LINKS.PEER_NAME.collate("C"))
                .fetch(JooqLinkRepository::toLink));
  }

  @Override
  public Optional<Link> findByOwnerAndPeerName(UserId owner, PeerName peerName) {
    return db.call(
        "finding a link",
        dsl ->
            dsl.selectFrom(FEDERATION_LINKS)
                .where(FEDERATION_LINKS.LOCAL_USER_ID.eq(owner.value()))
                .and(FEDERATION_LINKS.PEER_NAME.eq(peerName.value()))
                .fetchOptional(JooqLinkRepository::toLink));
  }

  @Override
  public List<Link> findAll() {
    return db.call(
        "listing links",
        dsl ->
            dsl.selectFrom(FEDERATION_LINKS)
                .orderBy(FEDERATION_LINKS.LOCAL_USER_ID, FEDERATION_LINKS.PEER_NAME.collate("C"))
                .fetch(JooqLinkRepository::toLink));
  }

  private static FederationLinksRecord toRecord(Link link) {
    LinkCertificate certificate = link.certificate();
    return new FederationLinksRecord(
        link.id().value(),
        link.localUserId().value(),
        link.peerName().value(),
        link.endpoint().toString(),
        link.grantId().value(),
        link.remoteSubjectUserId().value(),
        link.pinnedCaFingerprint().hex(),
        certificate.certificatePem(),
        certificate.chainPem().toArray(String[]::new),
        certificate.fingerprint().hex(),
        Columns.micros(certificate.notAfter()),
        certificate.sealedPrivateKey().ciphertext(),
        Columns.toWire(link.state()),
        Columns.orNull(link.stateReason()),
        Columns.micros(link.createdAt()),
        Columns.micros(link.updatedAt()));
  }

  private static Link toLink(FederationLinksRecord row) {
    return Link.rehydrate(
        new LinkId(row.getId()),
        new UserId(row.getLocalUserId()),
        new PeerName(row.getPeerName()),
        URI.create(row.getEndpoint()),
        new GrantId(row.getGrantId()),
        new UserId(row.getRemoteSubjectUserId()),
        new CertificateFingerprint(row.getPinnedCaFingerprint()),
        new LinkCertificate(
            row.getCertificatePem(),
            List.of(row.getCertificateChain()),
            new CertificateFingerprint(row.getCertificateFingerprint()),
            row.getCertificateNotAfter(),
            SealedSecret.of(row.getSealedPrivateKey())),
        Columns.fromWire(LinkState.class, row.getState()),
        Optional.ofNullable(row.getStateReason()),
        row.getCreatedAt(),
        row.getUpdatedAt());
  }
}
