package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.CacheKey;
import dev.mosaic.federation.application.port.out.ResponseCache;
import dev.mosaic.federation.domain.link.LinkId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link ResponseCache} in a map with expiry on an injected clock. */
public final class InMemoryResponseCache implements ResponseCache {
  private final InstantSource clock;
  private final Map<CacheKey, Entry> entries = new HashMap<>();

  public InMemoryResponseCache(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Optional<Map<String, Object>> get(CacheKey key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expiresAt())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.answer());
  }

  @Override
  public synchronized void put(CacheKey key, Map<String, Object> answer, Duration ttl) {
    if (ttl.isZero() || ttl.isNegative()) {
      return;
    }
    entries.put(key, new Entry(answer, clock.instant().plus(ttl)));
  }

  @Override
  public synchronized void flush(LinkId link) {
    entries.keySet().removeIf(k -> k.link().equals(link));
  }

  private record Entry(Map<String, Object> answer, Instant expiresAt) {}
}
