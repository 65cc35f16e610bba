package dev.mosaic.federation.application.port.in;

import java.util.Objects;
import java.util.Optional;

/** {@code mosaic user add <handle> [--display-name ..]}. */
public record AddUserCommand(String handle, Optional<String> displayName) {
  public AddUserCommand {
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(displayName, "displayName");
  }
}
