package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.AuditLogContract;
import dev.mosaic.federation.application.port.out.AuditLog;

class InMemoryAuditLogTest extends AuditLogContract {
  @Override
  protected AuditLog createAuditLog() {
    return new InMemoryAuditLog();
  }
}
