package dev.mosaic.federation.domain.link;

import java.util.Objects;

/** A transition a link's lifecycle forbids. */
public record IllegalLinkTransition(LinkState from, LinkState to) {
  public IllegalLinkTransition {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
