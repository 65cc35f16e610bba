package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.link.LinkId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The requesting side's short-lived answer cache (SPEC §8): memory only, a hard TTL, flushed per
 * link. Values are answers as generic JSON trees, stored and returned unchanged.
 *
 * <p>Every method throws {@link InfrastructureException} when a shared backing store fails, and
 * nothing else; the in-process cache never throws.
 */
public interface ResponseCache {
  /** The answer stored under {@code key}, unless its TTL has passed or its link was flushed. */
  Optional<Map<String, Object>> get(CacheKey key);

  /** Stores {@code answer} for {@code ttl}; a zero TTL stores nothing. */
  void put(CacheKey key, Map<String, Object> answer, Duration ttl);

  /** Drops every entry of {@code link} at once (revocation, renewal, link removal). */
  void flush(LinkId link);
}
