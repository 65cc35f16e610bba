package dev.mosaic.federation.bootstrap;

import dev.mosaic.federation.application.port.out.CacheKey;
import dev.mosaic.federation.application.port.out.ResponseCache;
import dev.mosaic.federation.domain.link.LinkId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The requesting side's answer cache switched off ({@code cache.ttl: 0} behaviour): nothing is
 * stored, so nothing is ever served from it and a flush has nothing to drop. This build has no
 * federated query path that would fill a cache; the in-memory TTL cache arrives with it.
 */
final class DisabledResponseCache implements ResponseCache {

  @Inject
  DisabledResponseCache() {}

  @Override
  public Optional<Map<String, Object>> get(CacheKey key) {
    return Optional.empty();
  }

  @Override
  public void put(CacheKey key, Map<String, Object> answer, Duration ttl) {}

  @Override
  public void flush(LinkId link) {}
}
