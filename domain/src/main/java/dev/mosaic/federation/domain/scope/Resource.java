package dev.mosaic.federation.domain.scope;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The closed list of resources a scope may name. */
public enum Resource {
  TASKS,
  NOTES,
  MEMORY,
  CREDENTIALS,
  API_KEYS;

  /** The name on the wire and in scope documents, e.g. {@code api_keys}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Sensitive resources are never served in this version, whatever a grant says. */
  public boolean isSensitive() {
    return this == CREDENTIALS || this == API_KEYS;
  }

  /** The resource with this exact wire name, or empty. */
  public static Optional<Resource> fromWire(String wireName) {
    if (wireName == null) {
      return Optional.empty();
    }
    for (Resource r : values()) {
      if (r.wireName().equals(wireName)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The wire names of every resource, comma separated, for messages. */
  public static String wireNames() {
    return Arrays.stream(values()).map(Resource::wireName).collect(Collectors.joining(", "));
  }
}
