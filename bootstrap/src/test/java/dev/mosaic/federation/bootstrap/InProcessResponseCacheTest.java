package dev.mosaic.federation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.contract.ResponseCacheContract;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.out.CacheKey;
import dev.mosaic.federation.application.port.out.ResponseCache;
import dev.mosaic.federation.domain.link.LinkId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InProcessResponseCacheTest extends ResponseCacheContract {
  private final MutableInstantSource clock =
      new MutableInstantSource(Instant.parse("2026-03-01T10:00:00Z"));
  private final LinkId link = new LinkId(UUID.randomUUID());

  @Override
  protected ResponseCache createResponseCache() {
    return new InProcessResponseCache(clock);
  }

  @Override
  protected void advanceClock(Duration duration) {
    clock.advance(duration);
  }

  @Test
  void put_whenFullOfLiveAnswers_skipsTheNewAnswerAndKeepsTheOthers() {
    fill(Duration.ofSeconds(30));
    CacheKey extra = key(InProcessResponseCache.MAX_ENTRIES);

    cache.put(extra, Map.of("items", "extra"), Duration.ofSeconds(30));

    assertThat(cache.get(extra)).isEmpty();
    assertThat(cache.get(key(0))).contains(Map.of("items", 0));
  }

  @Test
  void put_whenFullOfExpiredAnswers_sweepsThemAndStores() {
    fill(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    CacheKey extra = key(InProcessResponseCache.MAX_ENTRIES);

    cache.put(extra, Map.of("items", "extra"), Duration.ofSeconds(30));

    assertThat(cache.get(extra)).contains(Map.of("items", "extra"));
    assertThat(cache.get(key(0))).isEmpty();
  }

  private void fill(Duration ttl) {
    for (int i = 0; i < InProcessResponseCache.MAX_ENTRIES; i++) {
      cache.put(key(i), Map.of("items", i), ttl);
    }
  }

  private CacheKey key(int n) {
    return new CacheKey(link, "list", "tasks", "{\"n\":" + n + "}");
  }
}
