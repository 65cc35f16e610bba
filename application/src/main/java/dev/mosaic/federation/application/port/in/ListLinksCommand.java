package dev.mosaic.federation.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code mosaic federation peer list [--local-user <handle>]}.
 *
 * @param localUser only this local user's links; empty for every link (the operator's view)
 */
public record ListLinksCommand(Optional<String> localUser) {
  public ListLinksCommand {
    Objects.requireNonNull(localUser, "localUser");
  }

  public static ListLinksCommand all() {
    return new ListLinksCommand(Optional.empty());
  }

  public static ListLinksCommand of(String localUser) {
    return new ListLinksCommand(Optional.of(localUser));
  }
}
