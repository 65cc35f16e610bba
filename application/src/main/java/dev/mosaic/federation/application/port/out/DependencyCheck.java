package dev.mosaic.federation.application.port.out;

/**
 * One probe of {@code mosaic gateway doctor}, contributed by an adapter (database reachable,
 * migrations current, vector present, Valkey reachable and not persisting, CA reachable, server
 * certificate valid, clock sane). A check knows the configured tier and answers {@link
 * CheckStatus#FAIL} only when that tier is not satisfied.
 *
 * <p>{@link #check()} may block; the doctor abandons it after 5 s (interrupting it) and reports a
 * failure. It should report failures as a {@link CheckResult} rather than throw; anything thrown is
 * reported as a failure.
 */
public interface DependencyCheck {
  /** Short, stable, e.g. {@code database}, {@code valkey-persistence}. */
  String name();

  CheckResult check();
}
