package dev.mosaic.federation.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditEventId;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.grant.GrantId;
import java.time.Instant;
import java.util.UUID;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * With the database gone, the adapters throw transient {@link InfrastructureException}s whose
 * messages carry no SQL or vendor text, so that a request is refused with 503 and nothing leaks.
 */
class InfrastructureFailureTest {
  private final JooqTransactor unreachable =
      new JooqTransactor(DSL.using(nowhere(), SQLDialect.POSTGRES));

  @Test
  void auditAppend_databaseUnreachable_throwsTransientWithoutDetails() {
    JooqAuditLog audit = new JooqAuditLog(unreachable);
    AuditEvent event =
        AuditEvent.builder(
                new AuditEventId(UUID.randomUUID()), Instant.EPOCH, "list", AuditOutcome.ALLOWED)
            .build();

    assertThatThrownBy(() -> audit.append(event))
        .isInstanceOfSatisfying(
            InfrastructureException.class, e -> assertThat(e.isTransient()).isTrue())
        .hasMessage("database unavailable while writing the audit log");
  }

  @Test
  void inTransaction_databaseUnreachable_throwsTransient() {
    assertThatThrownBy(() -> unreachable.inTransaction(() -> "never"))
        .isInstanceOfSatisfying(
            InfrastructureException.class, e -> assertThat(e.isTransient()).isTrue())
        .hasMessage("database unavailable while running a transaction");
  }

  @Test
  void read_databaseUnreachable_throwsTransient() {
    JooqGrantRepository grants = new JooqGrantRepository(unreachable);

    assertThatThrownBy(() -> grants.findById(new GrantId(UUID.randomUUID())))
        .isInstanceOfSatisfying(
            InfrastructureException.class, e -> assertThat(e.isTransient()).isTrue())
        .hasMessage("database unavailable while reading grants");
  }

  private static PGSimpleDataSource nowhere() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL("jdbc:postgresql://127.0.0.1:1/nowhere");
    return dataSource;
  }
}
