package dev.mosaic.federation.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code mosaic federation peer add <enrollment-url> --local-user <handle> [--name <alias>]}.
 *
 * @param enrollmentUrl the URL as given, with its secret fragment ({@code #token=…&pin=sha256:…})
 * @param localUser the handle of the local user who will own the link
 * @param name the name under which the user addresses the peer; defaults to the URL's host
 */
public record AddLinkCommand(String enrollmentUrl, String localUser, Optional<String> name) {
  public AddLinkCommand {
    Objects.requireNonNull(enrollmentUrl, "enrollmentUrl");
    Objects.requireNonNull(localUser, "localUser");
    Objects.requireNonNull(name, "name");
  }

  /** Never reveals the enrollment token. */
  @Override
  public String toString() {
    return "AddLinkCommand[url redacted, localUser=" + localUser + ", name=" + name + "]";
  }
}
