package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.audit.AuditEvent;
import java.util.List;

/**
 * {@code mosaic federation audit}: the serving side's audit rows, oldest first.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when the audit store
 *     fails
 */
public interface ReadAuditUseCase {
  List<AuditEvent> read(ReadAuditCommand command);
}
