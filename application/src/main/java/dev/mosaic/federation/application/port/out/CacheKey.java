package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.link.LinkId;
import java.util.Objects;

/**
 * A requesting-side cache entry: per (link, verb, resource, canonical request).
 *
 * @param canonicalRequest the request as canonical JSON
 */
public record CacheKey(LinkId link, String verb, String resource, String canonicalRequest) {
  public CacheKey {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(canonicalRequest, "canonicalRequest");
  }
}
