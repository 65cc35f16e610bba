package dev.mosaic.federation.application.port.out;

import java.util.Objects;

/**
 * The result of a {@link DependencyCheck}.
 *
 * @param detail what was found, one line
 * @param remedy what the operator should do; empty when nothing
 */
public record CheckResult(CheckStatus status, String detail, String remedy) {
  public CheckResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(remedy, "remedy");
  }

  public static CheckResult ok(String detail) {
    return new CheckResult(CheckStatus.OK, detail, "");
  }

  public static CheckResult warn(String detail, String remedy) {
    return new CheckResult(CheckStatus.WARN, detail, remedy);
  }

  public static CheckResult fail(String detail, String remedy) {
    return new CheckResult(CheckStatus.FAIL, detail, remedy);
  }
}
