package dev.mosaic.federation.adapters.persistence;

import static dev.mosaic.federation.adapters.persistence.generated.Tables.FEDERATION_LINK_HEALTH;

import dev.mosaic.federation.adapters.persistence.generated.tables.records.FederationLinkHealthRecord;
import dev.mosaic.federation.application.port.out.LinkHealthRepository;
import dev.mosaic.federation.domain.link.CircuitState;
import dev.mosaic.federation.domain.link.LinkHealth;
import dev.mosaic.federation.domain.link.LinkId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.Field;

/**
 * {@code federation_link_health}: one row per link; each {@code record…} is an upsert of its own
 * columns. Clock skew is kept in whole milliseconds.
 */
final class JooqLinkHealthRepository implements LinkHealthRepository {
  private final JooqTransactor db;

  @Inject
  JooqLinkHealthRepository(JooqTransactor db) {
    this.db = db;
  }

  @Override
  public void recordSuccess(LinkId link, Instant at, Optional<Duration> clockSkew) {
    upsert(
        link,
        clockSkew.isPresent()
            ? Map.of(
                FEDERATION_LINK_HEALTH.LAST_SUCCESS_AT,
                Columns.micros(at),
                FEDERATION_LINK_HEALTH.CLOCK_SKEW_MS,
                clockSkew.get().toMillis())
            : Map.of(FEDERATION_LINK_HEALTH.LAST_SUCCESS_AT, Columns.micros(at)));
  }

  @Override
  public void recordFailure(LinkId link, Instant at, String reason) {
    upsert(
        link,
        Map.of(
            FEDERATION_LINK_HEALTH.LAST_FAILURE_AT,
            Columns.micros(at),
            FEDERATION_LINK_HEALTH.LAST_FAILURE_REASON,
            reason));
  }

  @Override
  public void recordCircuitState(LinkId link, CircuitState state) {
    upsert(link, Map.of(FEDERATION_LINK_HEALTH.CIRCUIT_STATE, Columns.toWire(state)));
  }

  @Override
  public void recordRateLimitedUntil(LinkId link, Optional<Instant> until) {
    Map<Field<?>, Object> values = new HashMap<>();
    values.put(FEDERATION_LINK_HEALTH.RATE_LIMITED_UNTIL, Columns.micros(until));
    upsert(link, values);
  }

  @Override
  public Optional<LinkHealth> find(LinkId link) {
    return db.call(
        "reading link health",
        dsl ->
            dsl.selectFrom(FEDERATION_LINK_HEALTH)
                .where(FEDERATION_LINK_HEALTH.LINK_ID.eq(link.value()))
                .fetchOptional(JooqLinkHealthRepository::toHealth));
  }

  @Override
  public void delete(LinkId link) {
    db.run(
        "removing link health",
        dsl ->
            dsl.deleteFrom(FEDERATION_LINK_HEALTH)
                .where(FEDERATION_LINK_HEALTH.LINK_ID.eq(link.value()))
                .execute());
  }

  private void upsert(LinkId link, Map<Field<?>, Object> values) {
    db.run(
        "recording link health",
        dsl ->
            dsl.insertInto(FEDERATION_LINK_HEALTH)
                .set(FEDERATION_LINK_HEALTH.LINK_ID, link.value())
                .set(values)
                .onConflict(FEDERATION_LINK_HEALTH.LINK_ID)
                .doUpdate()
                .set(values)
                .execute());
  }

  private static LinkHealth toHealth(FederationLinkHealthRecord row) {
    return new LinkHealth(
        new LinkId(row.getLinkId()),
        Optional.ofNullable(row.getLastSuccessAt()),
        Optional.ofNullable(row.getLastFailureAt()),
        Optional.ofNullable(row.getLastFailureReason()),
        Optional.ofNullable(row.getClockSkewMs()).map(Duration::ofMillis),
        Columns.fromWire(CircuitState.class, row.getCircuitState()),
        Optional.ofNullable(row.getRateLimitedUntil()));
  }
}
