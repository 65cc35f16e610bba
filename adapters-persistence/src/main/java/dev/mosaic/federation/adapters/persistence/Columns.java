package dev.mosaic.federation.adapters.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Conversions between domain values and column values shared by the repositories. */
final class Columns {
  private Columns() {}

  /**
   * {@code instant} at the microsecond precision of {@code timestamptz}, truncated rather than
   * rounded by the server, so that what is read back is predictable.
   */
  static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  static Instant micros(Optional<Instant> instant) {
    return instant.map(Columns::micros).orElse(null);
  }

  static <T> T orNull(Optional<T> value) {
    return value.orElse(null);
  }

  /** The enum constant stored as {@code wireName}, i.e. its lower-case name. */
  static <E extends Enum<E>> E fromWire(Class<E> type, String wireName) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(wireName)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("unknown " + type.getSimpleName() + " stored");
  }

  static String toWire(Enum<?> value) {
    return value.name().toLowerCase(java.util.Locale.ROOT);
  }
}
