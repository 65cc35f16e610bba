package dev.mosaic.federation.adapters.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} header ({@code version-traceId-parentId-flags}), parsed
 * strictly: lower-case hex, neither id all zeros, version {@code ff} refused, version {@code 00}
 * exactly 55 characters, a later version may append fields after a dash. An invalid header is
 * ignored (the W3C rule: the receiver starts a new trace), never a reason to refuse the request.
 *
 * @param traceId 32 hex characters
 * @param parentId 16 hex characters, the caller's span
 * @param flags 2 hex characters ({@code 01} = sampled)
 */
record TraceParent(String version, String traceId, String parentId, String flags) {
  private static final Pattern HEAD =
      Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
  private static final int LENGTH = 55;

  static Optional<TraceParent> parse(String header) {
    if (header == null || header.length() < LENGTH) {
      return Optional.empty();
    }
    String head = header.substring(0, LENGTH);
    var matcher = HEAD.matcher(head);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String version = matcher.group(1);
    boolean exactLength = header.length() == LENGTH;
    if (version.equals("ff")
        || (version.equals("00") && !exactLength)
        || (!exactLength && header.charAt(LENGTH) != '-')) {
      return Optional.empty();
    }
    String traceId = matcher.group(2);
    String parentId = matcher.group(3);
    if (traceId.chars().allMatch(c -> c == '0') || parentId.chars().allMatch(c -> c == '0')) {
      return Optional.empty();
    }
    return Optional.of(new TraceParent(version, traceId, parentId, matcher.group(4)));
  }

  /** The header value to send on, as {@code 00-…} (the version this code speaks). */
  String header() {
    return "00-" + traceId + "-" + parentId + "-" + flags;
  }
}
