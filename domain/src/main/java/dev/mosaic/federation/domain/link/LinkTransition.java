package dev.mosaic.federation.domain.link;

import java.util.Objects;

/** The result of a transition of a {@link Link}. */
public sealed interface LinkTransition {
  /** The transition happened; {@code link} is the new state. */
  record Applied(Link link) implements LinkTransition {
    public Applied {
      Objects.requireNonNull(link, "link");
    }
  }

  /** Not allowed from the link's state; nothing changed. */
  record Rejected(IllegalLinkTransition reason) implements LinkTransition {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
