package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.AuditLog;
import dev.mosaic.federation.application.port.out.AuditQuery;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link AuditLog} in two lists (recent and cold). {@link #failWith} makes every later call throw,
 * to test that nothing is served unaudited.
 */
public final class InMemoryAuditLog implements AuditLog, TransactionParticipant {
  private static final Comparator<AuditEvent> ORDER =
      Comparator.comparing(AuditEvent::occurredAt).thenComparing(e -> e.id().value().toString());

  private final List<AuditEvent> recent = new ArrayList<>();
  private final List<AuditEvent> cold = new ArrayList<>();
  private InfrastructureException failure;

  @Override
  public synchronized void append(AuditEvent event) {
    throwIfFailing();
    recent.add(event);
  }

  @Override
  public synchronized List<AuditEvent> find(AuditQuery query) {
    throwIfFailing();
    Stream<AuditEvent> rows =
        query.includeHistorical() ? Stream.concat(cold.stream(), recent.stream()) : recent.stream();
    return rows.filter(e -> query.grantId().isEmpty() || e.grantId().equals(query.grantId()))
        .filter(e -> query.since().isEmpty() || !e.occurredAt().isBefore(query.since().get()))
        .sorted(ORDER)
        .limit(query.limit())
        .toList();
  }

  @Override
  public synchronized int archiveOlderThan(Instant cutoff) {
    throwIfFailing();
    List<AuditEvent> old = recent.stream().filter(e -> e.occurredAt().isBefore(cutoff)).toList();
    recent.removeAll(old);
    cold.addAll(old);
    return old.size();
  }

  /** Every row appended so far (recent and cold), in append order of each table. */
  public synchronized List<AuditEvent> all() {
    return Stream.concat(cold.stream(), recent.stream()).toList();
  }

  /** Makes every later call throw {@code e}; {@code null} heals. */
  public synchronized void failWith(InfrastructureException e) {
    this.failure = e;
  }

  private void throwIfFailing() {
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public synchronized Object snapshot() {
    return List.of(List.copyOf(recent), List.copyOf(cold));
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized void restore(Object snapshot) {
    List<List<AuditEvent>> lists = (List<List<AuditEvent>>) snapshot;
    recent.clear();
    recent.addAll(lists.get(0));
    cold.clear();
    cold.addAll(lists.get(1));
  }
}
