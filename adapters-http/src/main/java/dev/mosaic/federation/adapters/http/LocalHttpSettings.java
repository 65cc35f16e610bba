package dev.mosaic.federation.adapters.http;

import java.util.Objects;

/**
 * {@code local.listen} (SPEC §11): where the loopback session API, {@code /healthz} and {@code
 * /metrics} listen. Only a loopback address is ever bound ({@link LocalServer#start()} refuses any
 * other).
 *
 * @param listenHost a loopback address ({@code 127.0.0.1}, {@code ::1}) or a name resolving only to
 *     loopback addresses ({@code localhost})
 * @param listenPort 0 binds an ephemeral port ({@link LocalServer#port()} tells which)
 */
public record LocalHttpSettings(String listenHost, int listenPort) {
  public LocalHttpSettings {
    Objects.requireNonNull(listenHost, "listenHost");
    if (listenHost.isBlank()) {
      throw new IllegalArgumentException("local.listen host must not be blank");
    }
    if (listenPort < 0 || listenPort > 65_535) {
      throw new IllegalArgumentException("local.listen port must be 0..65535");
    }
  }
}
