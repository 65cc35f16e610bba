package dev.mosaic.federation.application.port.in;

import java.util.Objects;

/** {@code mosaic federation peer remove <name> --local-user <handle>}. */
public record RemoveLinkCommand(String localUser, String name) {
  public RemoveLinkCommand {
    Objects.requireNonNull(localUser, "localUser");
    Objects.requireNonNull(name, "name");
  }
}
