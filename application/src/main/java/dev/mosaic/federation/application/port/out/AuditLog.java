package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.List;

/**
 * {@code federation_audit_log}. Rows read back equal the rows appended (instants at microsecond
 * precision).
 *
 * <p>Every method throws {@link InfrastructureException} when the store fails, and nothing else; a
 * caller serving a request answers 503 then, because nothing is served unaudited.
 */
public interface AuditLog {
  /**
   * Appends one row. Outside a {@link Transactor} transaction the row is committed when this
   * returns (adapters may group concurrent appends into one commit); inside one it commits with
   * that transaction.
   */
  void append(AuditEvent event);

  /** Matching rows, ordered by {@code occurred_at} then id, at most {@code query.limit()}. */
  List<AuditEvent> find(AuditQuery query);

  /**
   * Moves rows with {@code occurred_at < cutoff} to the cold table, where only {@linkplain
   * AuditQuery#historical() historical} queries see them.
   *
   * @return how many rows moved
   */
  int archiveOlderThan(Instant cutoff);
}
