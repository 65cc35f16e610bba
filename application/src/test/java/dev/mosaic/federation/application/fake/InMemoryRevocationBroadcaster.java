package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.RevocationBroadcaster;
import dev.mosaic.federation.application.port.out.RevocationNotice;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * {@link RevocationBroadcaster} delivering synchronously to this process's subscribers. {@link
 * #failWith} simulates a broker outage.
 */
public final class InMemoryRevocationBroadcaster implements RevocationBroadcaster {
  private final List<Consumer<RevocationNotice>> listeners = new CopyOnWriteArrayList<>();
  private final List<RevocationNotice> published = new CopyOnWriteArrayList<>();
  private volatile InfrastructureException failure;

  @Override
  public void publish(RevocationNotice notice) {
    if (failure != null) {
      throw failure;
    }
    published.add(notice);
    for (Consumer<RevocationNotice> listener : listeners) {
      listener.accept(notice);
    }
  }

  @Override
  public Subscription subscribe(Consumer<RevocationNotice> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** How many subscriptions are open. */
  public int subscriberCount() {
    return listeners.size();
  }

  /** Every notice published so far. */
  public List<RevocationNotice> published() {
    return new ArrayList<>(published);
  }

  /** Makes later publishes throw {@code e}; {@code null} heals. */
  public void failWith(InfrastructureException e) {
    this.failure = e;
  }
}
