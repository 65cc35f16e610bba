package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.CacheKey;
import dev.mosaic.federation.application.port.out.ResponseCache;
import dev.mosaic.federation.domain.link.LinkId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ResponseCache}: hard TTL, per-link flush. Time is driven through {@link #advanceClock}.
 */
public abstract class ResponseCacheContract {
  private static final Duration TTL = Duration.ofSeconds(30);

  protected ResponseCache cache;

  protected abstract ResponseCache createResponseCache();

  protected abstract void advanceClock(Duration duration);

  @BeforeEach
  void setUpResponseCacheContract() {
    cache = createResponseCache();
  }

  private static CacheKey aKey(LinkId link) {
    return new CacheKey(link, "list", "tasks", "{\"limit\":" + UUID.randomUUID().hashCode() + "}");
  }

  private static Map<String, Object> anAnswer() {
    return Map.of("items", List.of(Map.of("id", UUID.randomUUID().toString(), "title", "t")));
  }

  @Test
  void put_thenGet_returnsTheAnswerUntilTheTtl() {
    CacheKey key = aKey(new LinkId(UUID.randomUUID()));
    Map<String, Object> answer = anAnswer();

    cache.put(key, answer, TTL);
    assertThat(cache.get(key)).contains(answer);

    advanceClock(TTL.minusMillis(1));
    assertThat(cache.get(key)).contains(answer);

    advanceClock(Duration.ofMillis(1));
    assertThat(cache.get(key)).isEmpty();
  }

  @Test
  void get_otherRequest_misses() {
    LinkId link = new LinkId(UUID.randomUUID());
    cache.put(aKey(link), anAnswer(), TTL);

    assertThat(cache.get(aKey(link))).isEmpty();
  }

  @Test
  void flush_dropsOnlyThatLinksEntries() {
    CacheKey a = aKey(new LinkId(UUID.randomUUID()));
    CacheKey a2 = new CacheKey(a.link(), "get", "notes", "{}");
    CacheKey b = aKey(new LinkId(UUID.randomUUID()));
    cache.put(a, anAnswer(), TTL);
    cache.put(a2, anAnswer(), TTL);
    Map<String, Object> kept = anAnswer();
    cache.put(b, kept, TTL);

    cache.flush(a.link());

    assertThat(cache.get(a)).isEmpty();
    assertThat(cache.get(a2)).isEmpty();
    assertThat(cache.get(b)).contains(kept);
  }

  @Test
  void put_zeroTtl_storesNothing() {
    CacheKey key = aKey(new LinkId(UUID.randomUUID()));

    cache.put(key, anAnswer(), Duration.ZERO);

    assertThat(cache.get(key)).isEmpty();
  }
}
