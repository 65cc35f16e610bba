package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** {@link DependencyCheck} answering what a test says. */
public final class FakeDependencyCheck implements DependencyCheck {
  private final String name;
  private final Supplier<CheckResult> answer;

  public FakeDependencyCheck(String name, Supplier<CheckResult> answer) {
    this.name = name;
    this.answer = answer;
  }

  public static FakeDependencyCheck answering(String name, CheckResult result) {
    return new FakeDependencyCheck(name, () -> result);
  }

  /** A probe that blocks until {@code release} opens (or it is interrupted). */
  public static FakeDependencyCheck hangingUntil(String name, CountDownLatch release) {
    return new FakeDependencyCheck(
        name,
        () -> {
          try {
            release.await();
            return CheckResult.ok("released");
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail("interrupted", "none");
          }
        });
  }

  /** A probe that throws {@code failure}. */
  public static FakeDependencyCheck throwing(String name, RuntimeException failure) {
    return new FakeDependencyCheck(
        name,
        () -> {
          throw failure;
        });
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CheckResult check() {
    return answer.get();
  }
}
