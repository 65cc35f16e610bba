package dev.mosaic.federation.bootstrap;

import dev.mosaic.federation.application.port.out.CacheKey;
import dev.mosaic.federation.application.port.out.ResponseCache;
import dev.mosaic.federation.domain.link.LinkId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requesting side's answer cache (SPEC §8), in this process's memory only: a hard TTL read from
 * the injected clock, entries dropped per link at once. At most {@link #MAX_ENTRIES} answers are
 * held; when full, expired entries are swept and, if it is still full, the new answer is simply not
 * cached (a cache miss costs one request to the peer, never a wrong answer). {@code cache.ttl: 0}
 * stores nothing ({@link #put} with a zero TTL is a no-op, and the query service asks for none).
 */
final class InProcessResponseCache implements ResponseCache {
  static final int MAX_ENTRIES = 10_000;

  private final InstantSource clock;
  private final Map<CacheKey, Entry> entries = new ConcurrentHashMap<>();

  @Inject
  InProcessResponseCache(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public Optional<Map<String, Object>> get(CacheKey key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.expiredAt(clock.instant())) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.answer());
  }

  @Override
  public void put(CacheKey key, Map<String, Object> answer, Duration ttl) {
    if (ttl.isZero() || ttl.isNegative()) {
      return;
    }
    Instant now = clock.instant();
    if (entries.size() >= MAX_ENTRIES) {
      entries.values().removeIf(e -> e.expiredAt(now));
      if (entries.size() >= MAX_ENTRIES) {
        return;
      }
    }
    entries.put(key, new Entry(answer, now.plus(ttl)));
  }

  @Override
  public void flush(LinkId link) {
    entries.keySet().removeIf(key -> key.link().equals(link));
  }

  private record Entry(Map<String, Object> answer, Instant expiresAt) {
    boolean expiredAt(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }
}
