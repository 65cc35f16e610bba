package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.resource.ResourceItem;
import java.util.Objects;

/** A search result; a higher score ranks first. */
public record SearchHit(ResourceItem item, double score) {
  public SearchHit {
    Objects.requireNonNull(item, "item");
  }
}
