package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.AuditLog;
import dev.mosaic.federation.application.port.out.AuditQuery;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditEventId;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.audit.LifecycleEvent;
import dev.mosaic.federation.domain.audit.QueryHash;
import dev.mosaic.federation.domain.audit.RequestId;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AuditLog}: appended rows are readable immediately and equal. Audit rows carry no foreign
 * keys (a refused request may name a grant that does not exist), so every test uses fresh grant ids
 * and can share a database.
 */
public abstract class AuditLogContract {
  /** Old enough that archiving it touches no other test's rows. */
  private static final Instant LONG_AGO = Instant.parse("2001-02-03T04:05:06.789012Z");

  protected AuditLog audit;

  protected abstract AuditLog createAuditLog();

  @BeforeEach
  void setUpAuditLogContract() {
    audit = createAuditLog();
  }

  private static AuditEvent aRequest(GrantId grant, Instant at) {
    return AuditEvent.builder(new AuditEventId(UUID.randomUUID()), at, "list", AuditOutcome.ALLOWED)
        .grantId(grant)
        .build();
  }

  @Test
  void append_requestWithEveryColumn_isReadBackEqual() {
    GrantId grant = new GrantId(UUID.randomUUID());
    AuditEvent event =
        AuditEvent.builder(
                new AuditEventId(UUID.randomUUID()), Times.T0, "list", AuditOutcome.DENIED)
            .requestId(new RequestId(UUID.randomUUID()))
            .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
            .grantId(grant)
            .peerId(new PeerId(UUID.randomUUID()))
            .subjectUserId(new UserId(UUID.randomUUID()))
            .certFingerprint(CertificateFixtures.aFingerprint())
            .resource("credentials")
            .queryHash(QueryHash.ofRequest(Map.of("limit", 5)))
            .reason("excluded")
            .statusCode(403)
            .rowsOut(0)
            .bytesOut(117)
            .latencyMs(4)
            .build();

    audit.append(event);

    assertThat(audit.find(AuditQuery.recent(10).forGrant(grant))).containsExactly(event);
  }

  @Test
  void append_lifecycleWithOnlyRequiredColumns_isReadBackEqual() {
    GrantId grant = new GrantId(UUID.randomUUID());
    AuditEvent event =
        AuditEvent.lifecycle(
                new AuditEventId(UUID.randomUUID()),
                Times.T0,
                LifecycleEvent.GRANT_REVOKED,
                AuditOutcome.ALLOWED)
            .grantId(grant)
            .build();

    audit.append(event);

    List<AuditEvent> read = audit.find(AuditQuery.recent(10).forGrant(grant));
    assertThat(read).containsExactly(event);
    assertThat(read.getFirst().isLifecycle()).isTrue();
  }

  @Test
  void find_ordersByTimeAndHonoursSinceAndLimit() {
    GrantId grant = new GrantId(UUID.randomUUID());
    AuditEvent third = aRequest(grant, Times.T0.plusSeconds(2));
    AuditEvent first = aRequest(grant, Times.T0);
    AuditEvent second = aRequest(grant, Times.T0.plusSeconds(1));
    audit.append(third);
    audit.append(first);
    audit.append(second);
    audit.append(aRequest(new GrantId(UUID.randomUUID()), Times.T0));

    assertThat(audit.find(AuditQuery.recent(10).forGrant(grant)))
        .containsExactly(first, second, third);
    assertThat(audit.find(AuditQuery.recent(10).forGrant(grant).since(Times.T0.plusSeconds(1))))
        .containsExactly(second, third);
    assertThat(audit.find(AuditQuery.recent(2).forGrant(grant))).containsExactly(first, second);
  }

  @Test
  void append_concurrently_everyRowIsReadable() throws Exception {
    GrantId grant = new GrantId(UUID.randomUUID());
    int writers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<AuditEvent>> appends = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        Instant at = Times.T0.plusMillis(i);
        appends.add(
            () -> {
              AuditEvent e = aRequest(grant, at);
              audit.append(e);
              return e;
            });
      }
      List<AuditEvent> written = new ArrayList<>();
      for (Future<AuditEvent> f : pool.invokeAll(appends)) {
        written.add(f.get(30, TimeUnit.SECONDS));
      }
      assertThat(audit.find(AuditQuery.recent(100).forGrant(grant)))
          .containsExactlyInAnyOrderElementsOf(written);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void archiveOlderThan_movesRowsToTheHistoricalTier() {
    GrantId grant = new GrantId(UUID.randomUUID());
    AuditEvent old = aRequest(grant, LONG_AGO);
    AuditEvent recent = aRequest(grant, LONG_AGO.plus(Duration.ofDays(400)));
    audit.append(old);
    audit.append(recent);

    int moved = audit.archiveOlderThan(LONG_AGO.plus(Duration.ofDays(1)));

    assertThat(moved).isGreaterThanOrEqualTo(1);
    assertThat(audit.find(AuditQuery.recent(10).forGrant(grant))).containsExactly(recent);
    assertThat(audit.find(AuditQuery.recent(10).forGrant(grant).historical()))
        .containsExactly(old, recent);
  }
}
