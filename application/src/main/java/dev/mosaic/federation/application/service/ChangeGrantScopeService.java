package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.ChangeGrantScopeCommand;
import dev.mosaic.federation.application.port.in.ChangeGrantScopeResult;
import dev.mosaic.federation.application.port.in.ChangeGrantScopeUseCase;
import dev.mosaic.federation.application.port.out.AuditLog;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.IdGenerator;
import dev.mosaic.federation.application.port.out.Transactor;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditEventId;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.audit.LifecycleEvent;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantTransition;
import dev.mosaic.federation.domain.scope.Scope;
import dev.mosaic.federation.domain.scope.ScopeParseResult;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/** {@link ChangeGrantScopeUseCase}. */
public class ChangeGrantScopeService implements ChangeGrantScopeUseCase {
  private final Transactor transactor;
  private final GrantRepository grants;
  private final AuditLog audit;
  private final IdGenerator ids;
  private final InstantSource clock;

  @Inject
  public ChangeGrantScopeService(
      Transactor transactor,
      GrantRepository grants,
      AuditLog audit,
      IdGenerator ids,
      InstantSource clock) {
    this.transactor = transactor;
    this.grants = grants;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public ChangeGrantScopeResult changeScope(ChangeGrantScopeCommand command) {
    ScopeParseResult parsed = Scope.parse(command.scopeDocument());
    if (parsed instanceof ScopeParseResult.Rejected rejected) {
      return new ChangeGrantScopeResult.InvalidScope(rejected.violations());
    }
    ScopeParseResult.Parsed scope = (ScopeParseResult.Parsed) parsed;
    return transactor.inTransaction(
        () -> {
          Optional<Grant> grant = grants.findByIdForUpdate(command.grantId());
          if (grant.isEmpty()) {
            return new ChangeGrantScopeResult.NotFound(command.grantId());
          }
          Instant now = Times.now(clock);
          return switch (grant.get().replaceScope(scope.scope(), now)) {
            case GrantTransition.Rejected rejected ->
                new ChangeGrantScopeResult.NotChangeable(
                    command.grantId(), grant.get().effectiveStatus(now));
            case GrantTransition.Applied applied -> {
              Grant changed = applied.grant();
              grants.update(changed);
              audit.append(
                  AuditEvent.lifecycle(
                          new AuditEventId(ids.newId()),
                          now,
                          LifecycleEvent.SCOPE_CHANGED,
                          AuditOutcome.ALLOWED)
                      .grantId(changed.id())
                      .peerId(changed.peerId())
                      .subjectUserId(changed.subjectUserId())
                      .reason("scope replaced")
                      .build());
              yield new ChangeGrantScopeResult.Changed(changed, scope.warnings());
            }
          };
        });
  }
}
