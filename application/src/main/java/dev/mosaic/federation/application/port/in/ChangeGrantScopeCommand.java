package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.grant.GrantId;
import java.util.Objects;

/**
 * @param scopeDocument the new scope as a generic JSON tree (see {@link
 *     dev.mosaic.federation.domain.scope.Scope#parse(Object)})
 */
public record ChangeGrantScopeCommand(GrantId grantId, Object scopeDocument) {
  public ChangeGrantScopeCommand {
    Objects.requireNonNull(grantId, "grantId");
  }
}
