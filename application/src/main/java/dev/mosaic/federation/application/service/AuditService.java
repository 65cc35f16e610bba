package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.ArchiveAuditUseCase;
import dev.mosaic.federation.application.port.in.ReadAuditCommand;
import dev.mosaic.federation.application.port.in.ReadAuditUseCase;
import dev.mosaic.federation.application.port.out.AuditLog;
import dev.mosaic.federation.application.port.out.AuditQuery;
import dev.mosaic.federation.domain.audit.AuditEvent;
import jakarta.inject.Inject;
import java.time.InstantSource;
import java.util.List;

/** {@link ArchiveAuditUseCase} and {@link ReadAuditUseCase} over the {@link AuditLog}. */
public class AuditService implements ArchiveAuditUseCase, ReadAuditUseCase {
  private final AuditLog audit;
  private final InstantSource clock;

  @Inject
  public AuditService(AuditLog audit, InstantSource clock) {
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public int archive() {
    return audit.archiveOlderThan(Times.now(clock).minus(RETENTION));
  }

  @Override
  public List<AuditEvent> read(ReadAuditCommand command) {
    return audit.find(
        new AuditQuery(command.grant(), command.since(), command.historical(), command.limit()));
  }
}
