package dev.mosaic.federation.domain.peer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of a gateway as a host-like name: one or more dot-separated labels of lowercase letters,
 * digits and inner hyphens, each 1–63 characters, 253 characters at most (e.g. {@code
 * home.example}). Input is lower-cased.
 */
public record PeerName(String value) {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  public PeerName {
    Optional<String> problem = problemWith(value);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  /**
   * Parses a peer name, lower-casing it.
   *
   * @throws IllegalArgumentException with a message saying what is wrong
   */
  public static PeerName parse(String text) {
    return new PeerName(text == null ? null : text.strip().toLowerCase(Locale.ROOT));
  }

  /** Parses a peer name, or empty when it is not valid. */
  public static Optional<PeerName> tryParse(String text) {
    String normalized = text == null ? null : text.strip().toLowerCase(Locale.ROOT);
    return problemWith(normalized).isEmpty()
        ? Optional.of(new PeerName(normalized))
        : Optional.empty();
  }

  /** What is wrong with {@code text} as a peer name, or empty when it is valid. */
  public static Optional<String> problemWith(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.of("peer name must not be empty");
    }
    if (text.length() > 253) {
      return Optional.of("peer name must be at most 253 characters");
    }
    for (String label : text.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.of(
            "peer name '"
                + text
                + "' is not a host name: labels of a-z, 0-9 and inner '-', 1-63 characters,"
                + " separated by '.'");
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
