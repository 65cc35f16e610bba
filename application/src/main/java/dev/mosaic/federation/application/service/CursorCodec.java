package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.out.PagePosition;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, integrity-protected keyset cursors (SPEC §7). A cursor is base64url of {@code version ‖
 * created_at (seconds, nanos) ‖ id ‖ HMAC-SHA256}, the MAC taken over the position and everything
 * the {@link CursorBinding} holds (principal, resource, canonical effective filter, {@code
 * updatedSince}). A cursor that was altered, is malformed, or was minted under another binding
 * decodes to empty.
 */
public class CursorCodec {
  private static final byte VERSION = 1;
  private static final int POSITION_BYTES = 1 + Long.BYTES + Integer.BYTES + 2 * Long.BYTES;
  private static final int MAC_BYTES = 32;
  private static final int CURSOR_BYTES = POSITION_BYTES + MAC_BYTES;

  /** Longer text cannot be a cursor; refused before decoding. */
  private static final int MAX_TEXT = 128;

  private static final byte[] LABEL = "mosaic-cursor".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec key;

  @Inject
  public CursorCodec(CursorKey key) {
    this.key = new SecretKeySpec(key.bytes(), "HmacSHA256");
  }

  /** The cursor of the page that follows {@code position} under {@code binding}. */
  public String encode(CursorBinding binding, PagePosition position) {
    byte[] payload = position(position);
    ByteBuffer out = ByteBuffer.allocate(CURSOR_BYTES);
    out.put(payload).put(mac(binding, payload));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
  }

  /** The position a cursor holds, or empty when it is not a cursor minted under {@code binding}. */
  public Optional<PagePosition> decode(CursorBinding binding, String cursor) {
    if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_TEXT) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (bytes.length != CURSOR_BYTES || bytes[0] != VERSION) {
      return Optional.empty();
    }
    byte[] payload = Arrays.copyOfRange(bytes, 0, POSITION_BYTES);
    byte[] mac = Arrays.copyOfRange(bytes, POSITION_BYTES, CURSOR_BYTES);
    if (!MessageDigest.isEqual(mac, mac(binding, payload))) {
      return Optional.empty();
    }
    ByteBuffer in = ByteBuffer.wrap(payload, 1, POSITION_BYTES - 1);
    long seconds = in.getLong();
    int nanos = in.getInt();
    UUID id = new UUID(in.getLong(), in.getLong());
    if (nanos < 0 || nanos > 999_999_999) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PagePosition(Instant.ofEpochSecond(seconds, nanos), id));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static byte[] position(PagePosition position) {
    return ByteBuffer.allocate(POSITION_BYTES)
        .put(VERSION)
        .putLong(position.createdAt().getEpochSecond())
        .putInt(position.createdAt().getNano())
        .putLong(position.id().getMostSignificantBits())
        .putLong(position.id().getLeastSignificantBits())
        .array();
  }

  private byte[] mac(CursorBinding binding, byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(macInput(binding, payload));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK provides HmacSHA256", e);
    }
  }

  /** Every field length-prefixed, so that no two bindings share an input. */
  private static byte[] macInput(CursorBinding binding, byte[] payload) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      field(out, LABEL);
      field(out, utf8(binding.principal()));
      field(out, utf8(binding.resource().wireName()));
      field(out, utf8(binding.canonicalFilter()));
      field(out, utf8(binding.updatedSince().map(Instant::toString).orElse("")));
      out.writeBoolean(binding.updatedSince().isPresent());
      field(out, payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void field(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
