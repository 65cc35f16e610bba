package dev.mosaic.federation.adapters.persistence;

import static dev.mosaic.federation.adapters.persistence.generated.Tables.FEDERATION_AUDIT_LOG;
import static dev.mosaic.federation.adapters.persistence.generated.Tables.FEDERATION_AUDIT_LOG_COLD;

import dev.mosaic.federation.adapters.persistence.generated.tables.records.FederationAuditLogRecord;
import dev.mosaic.federation.application.port.out.AuditLog;
import dev.mosaic.federation.application.port.out.AuditQuery;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditEventId;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.audit.QueryHash;
import dev.mosaic.federation.domain.audit.RequestId;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * {@code federation_audit_log} and its cold table. Appends outside a transaction are group
 * committed: concurrent callers queue their rows, one of them writes everything queued as one
 * multi-row insert (one commit), and each caller returns once its own row is committed — or throws
 * if that insert failed.
 */
@Singleton
final class JooqAuditLog implements AuditLog {
  /** Rows per insert; 17 parameters each stays far below PostgreSQL's 65 535. */
  static final int MAX_BATCH = 1000;

  private final JooqTransactor db;
  private final ReentrantLock lock = new ReentrantLock();
  private final java.util.concurrent.locks.Condition flushed = lock.newCondition();
  private List<Pending> queue = new ArrayList<>();
  private boolean flushing;

  @Inject
  JooqAuditLog(JooqTransactor db) {
    this.db = db;
  }

  @Override
  public void append(AuditEvent event) {
    if (db.inTransaction()) {
      insert(List.of(toRecord(event)));
      return;
    }
    Pending mine = new Pending(toRecord(event));
    lock.lock();
    try {
      queue.add(mine);
      while (!mine.done) {
        if (flushing) {
          flushed.awaitUninterruptibly();
        } else {
          flushQueued();
        }
      }
    } finally {
      lock.unlock();
    }
    if (mine.failure != null) {
      throw new InfrastructureException(
          mine.failure.getMessage(), mine.failure, SqlFailures.isTransient(mine.failure));
    }
  }

  /** Called with the lock held; releases it while writing. */
  private void flushQueued() {
    flushing = true;
    List<Pending> batch;
    if (queue.size() <= MAX_BATCH) {
      batch = queue;
      queue = new ArrayList<>();
    } else {
      batch = new ArrayList<>(queue.subList(0, MAX_BATCH));
      queue = new ArrayList<>(queue.subList(MAX_BATCH, queue.size()));
    }
    RuntimeException failure = null;
    lock.unlock();
    try {
      insert(batch.stream().map(p -> p.row).toList());
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      lock.lock();
      for (Pending p : batch) {
        p.failure = failure;
        p.done = true;
      }
      flushing = false;
      flushed.signalAll();
    }
  }

  private void insert(List<FederationAuditLogRecord> rows) {
    db.run(
        "writing the audit log",
        dsl ->
            dsl.insertInto(FEDERATION_AUDIT_LOG, FEDERATION_AUDIT_LOG.fields())
                .valuesOfRecords(rows)
                .execute());
  }

  @Override
  public List<AuditEvent> find(AuditQuery query) {
    return db.call(
        "reading the audit log",
        dsl -> {
          Select<Record> rows =
              dsl.select(FEDERATION_AUDIT_LOG.fields())
                  .from(FEDERATION_AUDIT_LOG)
                  .where(
                      matching(
                          FEDERATION_AUDIT_LOG.GRANT_ID, FEDERATION_AUDIT_LOG.OCCURRED_AT, query));
          if (query.includeHistorical()) {
            rows =
                rows.unionAll(
                    dsl.select(FEDERATION_AUDIT_LOG_COLD.fields())
                        .from(FEDERATION_AUDIT_LOG_COLD)
                        .where(
                            matching(
                                FEDERATION_AUDIT_LOG_COLD.GRANT_ID,
                                FEDERATION_AUDIT_LOG_COLD.OCCURRED_AT,
                                query)));
          }
          Table<Record> audit = rows.asTable("audit");
          return dsl.selectFrom(audit)
              .orderBy(
                  audit.field(FEDERATION_AUDIT_LOG.OCCURRED_AT.getName()),
                  audit.field(FEDERATION_AUDIT_LOG.ID.getName()))
              .limit(query.limit())
              .fetch(row -> toEvent(row.into(FEDERATION_AUDIT_LOG)));
        });
  }

  private static Condition matching(
      Field<UUID> grantId, Field<Instant> occurredAt, AuditQuery query) {
    Condition condition = DSL.noCondition();
    if (query.grantId().isPresent()) {
      condition = condition.and(grantId.eq(query.grantId().get().value()));
    }
    if (query.since().isPresent()) {
      condition = condition.and(occurredAt.ge(Columns.micros(query.since().get())));
    }
    return condition;
  }

  @Override
  public int archiveOlderThan(Instant cutoff) {
    return db.call(
        "archiving the audit log",
        dsl ->
            dsl.execute(
                "with moved as (delete from {0} where occurred_at < {1} returning *)"
                    + " insert into {2} select * from moved",
                FEDERATION_AUDIT_LOG, DSL.val(Columns.micros(cutoff)), FEDERATION_AUDIT_LOG_COLD));
  }

  private static FederationAuditLogRecord toRecord(AuditEvent e) {
    return new FederationAuditLogRecord(
        e.id().value(),
        Columns.micros(e.occurredAt()),
        e.requestId().map(RequestId::value).orElse(null),
        Columns.orNull(e.traceId()),
        e.event(),
        e.grantId().map(GrantId::value).orElse(null),
        e.peerId().map(PeerId::value).orElse(null),
        e.subjectUserId().map(UserId::value).orElse(null),
        e.certFingerprint().map(CertificateFingerprint::hex).orElse(null),
        Columns.orNull(e.resource()),
        e.queryHash().map(QueryHash::hex).orElse(null),
        Columns.toWire(e.outcome()),
        Columns.orNull(e.reason()),
        e.statusCode().isPresent() ? e.statusCode().getAsInt() : null,
        e.rowsOut().isPresent() ? e.rowsOut().getAsLong() : null,
        e.bytesOut().isPresent() ? e.bytesOut().getAsLong() : null,
        e.latencyMs().isPresent() ? e.latencyMs().getAsLong() : null);
  }

  private static AuditEvent toEvent(FederationAuditLogRecord row) {
    return new AuditEvent(
        new AuditEventId(row.getId()),
        row.getOccurredAt(),
        Optional.ofNullable(row.getRequestId()).map(RequestId::new),
        Optional.ofNullable(row.getTraceId()),
        row.getEvent(),
        Optional.ofNullable(row.getGrantId()).map(GrantId::new),
        Optional.ofNullable(row.getPeerId()).map(PeerId::new),
        Optional.ofNullable(row.getSubjectUserId()).map(UserId::new),
        Optional.ofNullable(row.getCertFingerprint()).map(CertificateFingerprint::new),
        Optional.ofNullable(row.getResource()),
        Optional.ofNullable(row.getQueryHash()).map(QueryHash::new),
        Columns.fromWire(AuditOutcome.class, row.getOutcome()),
        Optional.ofNullable(row.getReason()),
        row.getStatusCode() == null ? OptionalInt.empty() : OptionalInt.of(row.getStatusCode()),
        row.getRowsOut() == null ? OptionalLong.empty() : OptionalLong.of(row.getRowsOut()),
        row.getBytesOut() == null ? OptionalLong.empty() : OptionalLong.of(row.getBytesOut()),
        row.getLatencyMs() == null ? OptionalLong.empty() : OptionalLong.of(row.getLatencyMs()));
  }

  private static final class Pending {
    final FederationAuditLogRecord row;
    boolean done;
    RuntimeException failure;

    Pending(FederationAuditLogRecord row) {
      this.row = row;
    }
  }
}
