package dev.mosaic.federation.bootstrap.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Configuration durations: a whole number and a unit, {@code 500ms 30s 15m 720h 30d}, or 0. */
public final class Durations {

  static final String EXPECTED = "expected a duration like 30s, 15m, 720h or 30d";

  private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private Durations() {}

  /** Parses a duration; empty when the text is not one. */
  public static Optional<Duration> parse(String text) {
    String t = text.trim();
    if (t.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher m = FORM.matcher(t);
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          case "d" -> Duration.ofDays(n);
          default -> throw new IllegalStateException("unreachable unit " + m.group(2));
        });
  }

  /** Formats a duration in the largest unit that divides it, the way it is written in YAML. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0";
    }
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (ms % sizes[i] == 0) {
        return ms / sizes[i] + units[i];
      }
    }
    return ms + "ms";
  }
}
