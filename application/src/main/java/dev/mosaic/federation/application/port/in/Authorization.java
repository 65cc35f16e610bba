package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.access.NativeAccess;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.scope.Resource;
import java.util.Objects;

/** The outcome of {@link AuthorizeRequestUseCase#authorize} (SPEC §5.2 steps 2–5). */
public sealed interface Authorization
    permits Authorization.Authorized, RequestRefused, RequestRateLimited {
  /** Read {@code resource} under {@code filter}, at most {@code limit} rows. */
  record Authorized(
      Grant grant, NativeAccess subject, Resource resource, EffectiveFilter filter, int limit)
      implements Authorization {
    public Authorized {
      Objects.requireNonNull(grant, "grant");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(filter, "filter");
    }
  }
}
