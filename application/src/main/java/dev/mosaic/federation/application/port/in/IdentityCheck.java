package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.access.NativeAccess;
import dev.mosaic.federation.domain.grant.Grant;
import java.util.Objects;

/** The outcome of {@link AuthorizeRequestUseCase#identify} (SPEC §5.2 steps 2–3). */
public sealed interface IdentityCheck
    permits IdentityCheck.Identified, RequestRefused, RequestRateLimited {
  /** The certificate speaks for this active grant, whose subject has {@code subject} access. */
  record Identified(Grant grant, NativeAccess subject) implements IdentityCheck {
    public Identified {
      Objects.requireNonNull(grant, "grant");
      Objects.requireNonNull(subject, "subject");
    }
  }
}
