package dev.mosaic.federation.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code mosaic federation renew <peer> [--local-user <handle>]}.
 *
 * @param peerName the link's name
 * @param localUser the link's owner; when empty, the one link of that name (if only one user has
 *     such a link)
 */
public record RenewLinkCommand(String peerName, Optional<String> localUser) {
  public RenewLinkCommand {
    Objects.requireNonNull(peerName, "peerName");
    Objects.requireNonNull(localUser, "localUser");
  }
}
