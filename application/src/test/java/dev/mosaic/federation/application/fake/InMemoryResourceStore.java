package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.PagePosition;
import dev.mosaic.federation.application.port.out.PageRequest;
import dev.mosaic.federation.application.port.out.ResourceImporter;
import dev.mosaic.federation.application.port.out.ResourcePage;
import dev.mosaic.federation.application.port.out.ResourceStore;
import dev.mosaic.federation.application.port.out.SearchHit;
import dev.mosaic.federation.application.port.out.SearchRequest;
import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.resource.CredentialItem;
import dev.mosaic.federation.domain.resource.MemoryItem;
import dev.mosaic.federation.domain.resource.NoteItem;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.resource.TaskItem;
import dev.mosaic.federation.domain.scope.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ResourceStore} and {@link ResourceImporter} over one map. Search: every word of the query
 * must occur (case-insensitive) in the row's text; the score is the number of occurrences.
 */
public final class InMemoryResourceStore
    implements ResourceStore, ResourceImporter, TransactionParticipant {
  private final Map<UUID, ResourceItem> items = new LinkedHashMap<>();

  /** Every stored row, in insertion order. */
  public synchronized List<ResourceItem> all() {
    return List.copyOf(items.values());
  }

  @Override
  public synchronized Object snapshot() {
    return new LinkedHashMap<>(items);
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized void restore(Object snapshot) {
    items.clear();
    items.putAll((Map<UUID, ResourceItem>) snapshot);
  }

  @Override
  public synchronized InsertOutcome insert(ResourceItem item) {
    return items.putIfAbsent(item.id(), item) == null
        ? InsertOutcome.INSERTED
        : InsertOutcome.DUPLICATE;
  }

  @Override
  public synchronized ResourcePage list(
      Resource resource, EffectiveFilter filter, PageRequest page) {
    List<ResourceItem> rows =
        visible(resource, filter).stream()
            .filter(i -> page.after().isEmpty() || position(i).compareTo(page.after().get()) > 0)
            .filter(
                i ->
                    page.updatedSince().isEmpty()
                        || !i.updatedAt().isBefore(page.updatedSince().get()))
            .sorted(Comparator.comparing(InMemoryResourceStore::position))
            .limit(page.limit() + 1L)
            .toList();
    if (rows.size() <= page.limit()) {
      return new ResourcePage(rows, Optional.empty());
    }
    List<ResourceItem> pageRows = rows.subList(0, page.limit());
    return new ResourcePage(pageRows, Optional.of(position(pageRows.getLast())));
  }

  @Override
  public synchronized Optional<ResourceItem> get(
      Resource resource, EffectiveFilter filter, UUID id) {
    return visible(resource, filter).stream().filter(i -> i.id().equals(id)).findFirst();
  }

  @Override
  public synchronized List<SearchHit> search(
      Resource resource, EffectiveFilter filter, SearchRequest request) {
    String[] words = request.text().toLowerCase(Locale.ROOT).trim().split("\\s+");
    List<SearchHit> hits = new ArrayList<>();
    for (ResourceItem item : visible(resource, filter)) {
      String text = text(item).toLowerCase(Locale.ROOT);
      int score = 0;
      boolean all = true;
      for (String word : words) {
        int count = occurrences(text, word);
        all &= count > 0;
        score += count;
      }
      if (all) {
        hits.add(new SearchHit(item, score));
      }
    }
    return hits.stream()
        .sorted(Comparator.comparingDouble(SearchHit::score).reversed())
        .limit(request.limit())
        .toList();
  }

  private List<ResourceItem> visible(Resource resource, EffectiveFilter filter) {
    return items.values().stream()
        .filter(i -> i.resource() == resource)
        .filter(i -> filter.admits(i.ownerUserId(), i.teamId()))
        .toList();
  }

  private static PagePosition position(ResourceItem item) {
    return new PagePosition(item.createdAt(), item.id());
  }

  private static String text(ResourceItem item) {
    return switch (item) {
      case TaskItem t -> t.title();
      case NoteItem n -> n.title() + " " + n.body();
      case MemoryItem m -> m.content();
      case CredentialItem c -> c.name();
    };
  }

  private static int occurrences(String text, String word) {
    int count = 0;
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
      count++;
    }
    return count;
  }
}
