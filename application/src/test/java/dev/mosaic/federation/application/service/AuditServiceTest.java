package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.InMemoryAuditLog;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.in.ReadAuditCommand;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditEventId;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.grant.GrantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditServiceTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  final MutableInstantSource clock = new MutableInstantSource(START);
  final InMemoryAuditLog log = new InMemoryAuditLog();
  final AuditService audit = new AuditService(log, clock);
  final GrantId grant = new GrantId(UUID.randomUUID());

  @Test
  void archive_rowsOlderThan90Days_moveToTheColdTable_youngerOnesStay() {
    AuditEvent first = row(grant, START);
    AuditEvent second = row(grant, START.plus(Duration.ofDays(10)));
    log.append(first);
    log.append(second);

    clock.set(START.plus(Duration.ofDays(90)));
    int atExactly90Days = audit.archive();
    clock.set(START.plus(Duration.ofDays(90)).plusSeconds(1));
    int justAfter = audit.archive();

    assertThat(atExactly90Days).isZero();
    assertThat(justAfter).isEqualTo(1);
    assertThat(audit.read(recent())).containsExactly(second);
    assertThat(audit.read(new ReadAuditCommand(Optional.empty(), Optional.empty(), true, 10)))
        .containsExactly(first, second);
  }

  @Test
  void archive_runTwice_movesNothingTheSecondTime() {
    log.append(row(grant, START));
    clock.advance(Duration.ofDays(100));

    assertThat(audit.archive()).isEqualTo(1);
    assertThat(audit.archive()).isZero();
  }

  @Test
  void read_byGrantAndSince_returnsOnlyMatchingRows() {
    GrantId other = new GrantId(UUID.randomUUID());
    AuditEvent early = row(grant, START);
    AuditEvent late = row(grant, START.plusSeconds(60));
    log.append(early);
    log.append(late);
    log.append(row(other, START.plusSeconds(120)));

    assertThat(
            audit.read(
                new ReadAuditCommand(
                    Optional.of(grant), Optional.of(START.plusSeconds(30)), false, 10)))
        .containsExactly(late);
  }

  static ReadAuditCommand recent() {
    return new ReadAuditCommand(Optional.empty(), Optional.empty(), false, 10);
  }

  static AuditEvent row(GrantId grant, Instant at) {
    return AuditEvent.builder(new AuditEventId(UUID.randomUUID()), at, "list", AuditOutcome.ALLOWED)
        .grantId(grant)
        .statusCode(200)
        .build();
  }
}
