package dev.mosaic.federation.domain.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a generic JSON tree (maps with string keys, lists, strings, numbers, booleans, null) as
 * canonical JSON: object keys sorted, no insignificant white space. Used for cache keys and {@code
 * query_hash}.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /**
   * The canonical text of {@code tree}.
   *
   * @throws IllegalArgumentException when the tree holds a value that is not JSON
   */
  public static String write(Object tree) {
    StringBuilder out = new StringBuilder();
    append(out, tree);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    switch (value) {
      case null -> out.append("null");
      case String s -> appendString(out, s);
      case Boolean b -> out.append(b);
      case Integer i -> out.append(i);
      case Long l -> out.append(l);
      case Short s -> out.append(s);
      case Byte b -> out.append(b);
      case BigInteger i -> out.append(i);
      case BigDecimal d -> out.append(d.stripTrailingZeros().toPlainString());
      case Double d -> appendDouble(out, d);
      case Float f -> appendDouble(out, f.doubleValue());
      case Map<?, ?> map -> appendObject(out, map);
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          append(out, list.get(i));
        }
        out.append(']');
      }
      default ->
          throw new IllegalArgumentException(
              "not a JSON value: " + value.getClass().getSimpleName());
    }
  }

  private static void appendDouble(StringBuilder out, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("not a JSON number: " + d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      out.append((long) d);
    } else {
      out.append(d);
    }
  }

  private static void appendObject(StringBuilder out, Map<?, ?> map) {
    TreeMap<String, Object> sorted = new TreeMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException("JSON object keys must be strings");
      }
      sorted.put(key, e.getValue());
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : sorted.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      appendString(out, e.getKey());
      out.append(':');
      append(out, e.getValue());
    }
    out.append('}');
  }

  private static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
