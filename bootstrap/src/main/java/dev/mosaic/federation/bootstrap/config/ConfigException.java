package dev.mosaic.federation.bootstrap.config;

import java.util.List;

/**
 * The configuration cannot be used. Carries every problem found, each naming the key and what is
 * wrong, e.g. {@code database.url: required}.
 */
public final class ConfigException extends RuntimeException {

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(
        problems.size() == 1
            ? "invalid configuration: " + problems.getFirst()
            : "invalid configuration ("
                + problems.size()
                + " problems): "
                + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
