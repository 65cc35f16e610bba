package dev.mosaic.federation.application.port.in;

/**
 * {@code mosaic federation grant scope <id> --scope …} (SPEC §6, §10): replaces the scope of a
 * pending or active grant, in one transaction that locks the grant row, and audits {@code
 * scope_changed}. The scope is validated exactly like {@link CreateGrantUseCase#create}'s; nothing
 * is written when it is refused. The serving side reads the grant — scope included — from the
 * database on every request, so the next request uses the new scope.
 */
public interface ChangeGrantScopeUseCase {
  ChangeGrantScopeResult changeScope(ChangeGrantScopeCommand command);
}
