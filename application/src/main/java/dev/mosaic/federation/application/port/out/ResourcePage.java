package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.resource.ResourceItem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of rows in {@code (created_at, id)} order.
 *
 * @param next the position of the last row, present only when more rows follow
 */
public record ResourcePage(List<ResourceItem> items, Optional<PagePosition> next) {
  public ResourcePage {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
  }
}
