package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.contract.AuditLogContract;
import dev.mosaic.federation.application.port.out.AuditLog;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AuditLogContract} against real PostgreSQL. */
class JooqAuditLogTest extends AuditLogContract {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  @Override
  protected AuditLog createAuditLog() {
    return new JooqAuditLog(database.transactor());
  }
}
