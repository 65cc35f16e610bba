package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.grant.GrantId;
import java.util.Objects;

/** The outcome of {@link ShowGrantUseCase#show}. */
public sealed interface ShowGrantResult {
  /** 0. */
  record Found(GrantView grant) implements ShowGrantResult {
    public Found {
      Objects.requireNonNull(grant, "grant");
    }
  }

  /** 3. */
  record NotFound(GrantId grantId) implements ShowGrantResult {}
}
