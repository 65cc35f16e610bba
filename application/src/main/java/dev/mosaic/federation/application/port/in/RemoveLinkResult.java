package dev.mosaic.federation.application.port.in;

import java.util.Objects;

/** The outcome of {@link RemoveLinkUseCase#remove}. */
public sealed interface RemoveLinkResult {
  /** 0: the link, its health and its cached answers are gone. */
  record Removed(LinkView link) implements RemoveLinkResult {
    public Removed {
      Objects.requireNonNull(link, "link");
    }
  }

  /** 3: no local user has that handle. */
  record UnknownLocalUser(String handle) implements RemoveLinkResult {}

  /** 3: the local user has no link of that name. */
  record NotFound(String name) implements RemoveLinkResult {}
}
