package dev.mosaic.federation.application.port.in;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How one source of a query fared.
 *
 * @param name {@code local} or the peer (link) name
 * @param notice {@code federation offline for <peer>}, at most once per session and peer
 * @param retryAfterMs for {@link State#RATE_LIMITED}: how long the peer asked to wait
 * @param errorCode the peer's §9 error code (e.g. {@code scope_violation}) or a local one, when the
 *     source did not answer {@code ok}
 * @param message a short reason, safe to show (no key material)
 * @param nextCursor present when this source has more rows; pass it back with this source alone
 */
public record SourceStatus(
    String name,
    State status,
    Optional<String> notice,
    OptionalLong retryAfterMs,
    Optional<String> errorCode,
    Optional<String> message,
    Optional<String> nextCursor) {

  /** The per-source status of SPEC §5.2. */
  public enum State {
    OK,
    /** The peer could not be reached (connection, timeout). */
    OFFLINE,
    /** The peer answered 429. */
    RATE_LIMITED,
    /** The peer revoked the grant (403 {@code grant_revoked} or the TLS alert). */
    REVOKED,
    /** Anything else: a refusal, a 5xx, a malformed answer, a local store failure. */
    ERROR;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SourceStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(notice, "notice");
    Objects.requireNonNull(retryAfterMs, "retryAfterMs");
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(nextCursor, "nextCursor");
  }

  /** An {@code ok} source, with its next cursor if any. */
  public static SourceStatus ok(String name, Optional<String> nextCursor) {
    return new SourceStatus(
        name,
        State.OK,
        Optional.empty(),
        OptionalLong.empty(),
        Optional.empty(),
        Optional.empty(),
        nextCursor);
  }

  /** A failed source. */
  public static SourceStatus failed(String name, State state, String errorCode, String message) {
    return new SourceStatus(
        name,
        state,
        Optional.empty(),
        OptionalLong.empty(),
        Optional.of(errorCode),
        Optional.of(message),
        Optional.empty());
  }

  public SourceStatus withNotice(String value) {
    return new SourceStatus(
        name, status, Optional.of(value), retryAfterMs, errorCode, message, nextCursor);
  }

  public SourceStatus withRetryAfterMs(long value) {
    return new SourceStatus(
        name, status, notice, OptionalLong.of(value), errorCode, message, nextCursor);
  }

  public boolean isOk() {
    return status == State.OK;
  }

  /**
   * {@code {name, status, notice?, retryAfterMs?, error?:{code, message}, nextCursor?}}: the wire
   * form of §9 plus the error and cursor.
   */
  public Map<String, Object> toWire() {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("name", name);
    wire.put("status", status.wireName());
    notice.ifPresent(n -> wire.put("notice", n));
    retryAfterMs.ifPresent(ms -> wire.put("retryAfterMs", ms));
    errorCode.ifPresent(
        code -> {
          Map<String, Object> error = new LinkedHashMap<>();
          error.put("code", code);
          error.put("message", message.orElse(code));
          wire.put("error", error);
        });
    nextCursor.ifPresent(c -> wire.put("nextCursor", c));
    return wire;
  }
}
