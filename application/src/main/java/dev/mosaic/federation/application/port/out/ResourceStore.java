package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.scope.Resource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the rows of a resource, only ever those {@link EffectiveFilter#admits admitted} by the
 * filter: rows without a team owned by {@code filter.owner()} when {@code includePersonal}, and
 * rows of {@code filter.teams()}. A row outside the filter is indistinguishable from a missing row.
 *
 * <p>Every method throws {@link InfrastructureException} when the store fails, and nothing else.
 */
public interface ResourceStore {
  /**
   * Visible rows in {@code (created_at, id)} order, after {@code page.after()}, at most {@code
   * page.limit()}. Paging with {@link ResourcePage#next()} returns every visible row exactly once,
   * also when many rows share a {@code created_at}.
   */
  ResourcePage list(Resource resource, EffectiveFilter filter, PageRequest page);

  /** The visible row with this id, or empty (missing or not visible). */
  Optional<ResourceItem> get(Resource resource, EffectiveFilter filter, UUID id);

  /**
   * Visible rows matching {@code request.text()} (full-text; every word must match), best first, at
   * most {@code request.limit()}.
   */
  List<SearchHit> search(Resource resource, EffectiveFilter filter, SearchRequest request);
}
