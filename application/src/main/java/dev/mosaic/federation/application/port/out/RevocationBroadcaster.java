package dev.mosaic.federation.application.port.out;

import java.util.function.Consumer;

/**
 * Best-effort fan-out of revocations to every replica (Valkey pub/sub). Correctness never depends
 * on it: identity is decided by the database on every request.
 *
 * <p>Every method throws {@link InfrastructureException} when the broker fails, and nothing else.
 */
public interface RevocationBroadcaster {
  /** Delivers {@code notice} to every current subscriber, on every replica, including this one. */
  void publish(RevocationNotice notice);

  /**
   * Registers {@code listener} until the returned handle is closed. Listeners run on an adapter
   * thread and must not block.
   */
  Subscription subscribe(Consumer<RevocationNotice> listener);

  /** A registration; closing it stops delivery and never throws. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
