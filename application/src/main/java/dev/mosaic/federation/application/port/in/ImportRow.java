package dev.mosaic.federation.application.port.in;

import java.util.Map;
import java.util.Objects;

/**
 * One line of an import file, already parsed as a JSON object.
 *
 * @param line the 1-based line number in the file, for messages
 * @param fields the object's members as a generic JSON tree (strings, numbers, booleans, null)
 */
public record ImportRow(int line, Map<String, Object> fields) {
  public ImportRow {
    if (line < 1) {
      throw new IllegalArgumentException("line numbers start at 1");
    }
    Objects.requireNonNull(fields, "fields");
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }
}
