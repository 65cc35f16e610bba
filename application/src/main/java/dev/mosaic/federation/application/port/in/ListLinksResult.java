package dev.mosaic.federation.application.port.in;

import java.util.List;

/** The outcome of {@link ListLinksUseCase#list}. */
public sealed interface ListLinksResult {
  /** 0: the links, ordered by owner handle then peer name. */
  record Listed(List<LinkView> links) implements ListLinksResult {
    public Listed {
      links = List.copyOf(links);
    }
  }

  /** 3: no local user has that handle. */
  record UnknownLocalUser(String handle) implements ListLinksResult {}
}
