package dev.mosaic.federation.adapters.persistence;

import static dev.mosaic.federation.adapters.persistence.generated.Tables.FEDERATION_PEERS;

import dev.mosaic.federation.adapters.persistence.generated.tables.records.FederationPeersRecord;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.domain.peer.Peer;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.peer.PeerStatus;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** {@code federation_peers}. */
final class JooqPeerRepository implements PeerRepository {
  private final JooqTransactor db;

  @Inject
  JooqPeerRepository(JooqTransactor db) {
    this.db = db;
  }

  @Override
  public InsertOutcome insert(Peer peer) {
    int inserted =
        db.call(
            "storing a peer",
            dsl ->
                dsl.insertInto(FEDERATION_PEERS)
                    .set(toRecord(peer))
                    .onConflictDoNothing()
                    .execute());
    return inserted == 1 ? InsertOutcome.INSERTED : InsertOutcome.DUPLICATE;
  }

  @Override
  public void update(Peer peer) {
    int updated =
        db.call(
            "updating a peer",
            dsl ->
                dsl.update(FEDERATION_PEERS)
                    .set(FEDERATION_PEERS.NAME, peer.name().value())
                    .set(FEDERATION_PEERS.STATUS, Columns.toWire(peer.status()))
                    .set(FEDERATION_PEERS.CREATED_AT, Columns.micros(peer.createdAt()))
                    .where(FEDERATION_PEERS.ID.eq(peer.id().value()))
                    .execute());
    if (updated == 0) {
      throw SqlFailures.missing("the peer to update");
    }
  }

  @Override
  public Optional<Peer> findById(PeerId id) {
    return db.call(
        "finding a peer",
        dsl ->
            dsl.selectFrom(FEDERATION_PEERS)
                .where(FEDERATION_PEERS.ID.eq(id.value()))
                .fetchOptional(JooqPeerRepository::toPeer));
  }

  @Override
  public Optional<Peer> findByName(PeerName name) {
    return db.call(
        "finding a peer",
        dsl ->
            dsl.selectFrom(FEDERATION_PEERS)
                .where(FEDERATION_PEERS.NAME.eq(name.value()))
                .fetchOptional(JooqPeerRepository::toPeer));
  }

  @Override
  public List<Peer> findAll() {
    return db.call(
        "listing peers",
        dsl ->
            dsl.selectFrom(FEDERATION_PEERS)
                .orderBy(FEDERATION_PEERS.NAME.collate("C"))
                .fetch(JooqPeerRepository::toPeer));
  }

  private static FederationPeersRecord toRecord(Peer peer) {
    return new FederationPeersRecord(
        peer.id().value(),
        peer.name().value(),
        Columns.toWire(peer.status()),
        Columns.micros(peer.createdAt()));
  }

  private static Peer toPeer(FederationPeersRecord row) {
    return new Peer(
        new PeerId(row.getId()),
        new PeerName(row.getName()),
        Columns.fromWire(PeerStatus.class, row.getStatus()),
        row.getCreatedAt());
  }
}
