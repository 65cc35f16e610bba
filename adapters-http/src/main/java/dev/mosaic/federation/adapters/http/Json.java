package dev.mosaic.federation.adapters.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The JSON rules of the wire protocol (SPEC §9), in one place: unknown fields, duplicate keys,
 * trailing content and scalar coercions ({@code 5} for a string, {@code "5"} for a number) are
 * refused, and every refusal is a 400 whose message names the field — built here from the parser's
 * position, never from the input's text, so no token or key material is ever echoed.
 */
final class Json {
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  private static final ObjectMapper MAPPER = strictMapper();

  private Json() {}

  private static ObjectMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float);
    refuse(mapper, LogicalType.Textual, CoercionInputShape.Boolean);
    refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float);
    refuse(mapper, LogicalType.Integer, CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
    refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
    refuse(mapper, LogicalType.Float, CoercionInputShape.EmptyString);
    refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.String);
    refuse(mapper, LogicalType.Boolean, CoercionInputShape.EmptyString);
    return mapper;
  }

  private static void refuse(
      ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
    }
  }

  /**
   * Reads a request body strictly as {@code type}.
   *
   * @throws WireException 400 naming the field (or the position of malformed JSON)
   */
  static <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw WireException.invalid("a JSON body is required");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw WireException.invalid("the body must be a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw WireException.invalid("unknown field " + describe(e, e.getPropertyName()));
    } catch (MismatchedInputException e) {
      String field = fieldPath(e);
      if (field.isEmpty()) {
        throw WireException.invalid("the body must be a single JSON object");
      }
      throw WireException.invalid("field '" + field + "' must be " + expected(e.getTargetType()));
    } catch (JsonMappingException e) {
      String field = fieldPath(e);
      throw WireException.invalid(
          field.isEmpty() ? "the body is not acceptable" : "field '" + field + "' is invalid");
    } catch (JacksonException e) {
      throw WireException.invalid("malformed JSON" + position(e.getLocation()));
    } catch (IOException e) {
      throw WireException.invalid("the body could not be read");
    }
  }

  /**
   * An optional JSON integer as a {@code long}, saturated: beyond the range it is {@link
   * Long#MAX_VALUE} or {@link Long#MIN_VALUE}, so its sign still decides (clamped, or refused below
   * 1). Read integer fields as {@link BigInteger}: a fraction, a string or a boolean is then
   * refused by {@link #read} as "must be an integer".
   */
  static OptionalLong saturatedLong(BigInteger value) {
    if (value == null) {
      return OptionalLong.empty();
    }
    if (value.bitLength() < Long.SIZE) {
      return OptionalLong.of(value.longValue());
    }
    return OptionalLong.of(value.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
  }

  /** Any JSON text as a generic tree (maps, lists, strings, numbers, booleans, null). */
  static Object readTree(byte[] body) throws IOException {
    return MAPPER.readValue(body, Object.class);
  }

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a wire value did not serialize: " + e.getOriginalMessage());
    }
  }

  /** "a.b[0].c" from a mapping exception's path. */
  private static String fieldPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(safe(reference.getFieldName()));
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String describe(JsonMappingException e, String name) {
    String parent = fieldPath(e);
    int cut = parent.lastIndexOf('.');
    String prefix = cut < 0 ? "" : parent.substring(0, cut + 1);
    return "'" + prefix + safe(name) + "'";
  }

  /** The name when it looks like a field name; the client's own text is never echoed otherwise. */
  private static String safe(String name) {
    return name != null && SAFE_NAME.matcher(name).matches() ? name : "?";
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (type == Integer.class
        || type == int.class
        || type == BigInteger.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "of another type";
  }

  private static String position(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
