package dev.mosaic.federation.bootstrap.config;

import java.util.Objects;

/** A configured secret value. Its {@code toString} never reveals the value. */
public record Secret(String value) {

  public Secret {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
