package dev.mosaic.federation.bootstrap.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code host:port} listen address; IPv6 hosts are written in brackets ({@code [::1]:8443}). */
public record HostPort(String host, int port) {

  private static final Pattern FORM =
      Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([^:\\[\\]\\s]+)):(\\d{1,5})");

  public HostPort {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535, was " + port);
    }
  }

  /** Parses {@code host:port}; port 0 asks for any free port. Empty when the text is not one. */
  public static Optional<HostPort> parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    int port = Integer.parseInt(m.group(3));
    if (port > 65_535) {
      return Optional.empty();
    }
    return Optional.of(new HostPort(m.group(1) != null ? m.group(1) : m.group(2), port));
  }

  /** True for {@code localhost}, {@code 127.0.0.0/8} and {@code ::1}, judged by the text alone. */
  public boolean isLoopback() {
    return host.equalsIgnoreCase("localhost")
        || host.matches("127(\\.\\d{1,3}){3}")
        || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1");
  }

  @Override
  public String toString() {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}
