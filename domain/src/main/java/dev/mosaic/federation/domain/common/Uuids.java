package dev.mosaic.federation.domain.common;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** UUID parsing that accepts the canonical 36-character form only. */
public final class Uuids {
  private Uuids() {}

  /**
   * Parses a UUID in canonical form (8-4-4-4-12 hex digits, either case).
   *
   * @throws IllegalArgumentException when the text is not a canonical UUID
   */
  public static UUID parseCanonical(String text) {
    return tryParseCanonical(text)
        .orElseThrow(() -> new IllegalArgumentException("not a UUID: '" + text + "'"));
  }

  /** Parses a UUID in canonical form, or empty when the text is not one. */
  public static Optional<UUID> tryParseCanonical(String text) {
    if (text == null || text.length() != 36) {
      return Optional.empty();
    }
    try {
      UUID uuid = UUID.fromString(text);
      return uuid.toString().equals(text.toLowerCase(Locale.ROOT))
          ? Optional.of(uuid)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
