package dev.mosaic.federation.bootstrap;

import dev.mosaic.federation.application.port.out.RevocationBroadcaster;
import dev.mosaic.federation.application.port.out.RevocationNotice;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Delivers revocations to the subscribers of this process only. Enough while every replica decides
 * identity from the database on each request (SPEC §5.3: correctness never depends on the
 * broadcast); a Valkey-backed broadcaster that reaches the other replicas replaces it when live
 * connections are tracked.
 */
final class InProcessRevocationBroadcaster implements RevocationBroadcaster {
  private final List<Consumer<RevocationNotice>> listeners = new CopyOnWriteArrayList<>();

  @Inject
  InProcessRevocationBroadcaster() {}

  @Override
  public void publish(RevocationNotice notice) {
    listeners.forEach(listener -> listener.accept(notice));
  }

  @Override
  public Subscription subscribe(Consumer<RevocationNotice> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
