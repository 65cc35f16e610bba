package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.LinkHealthRepository;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.application.port.out.ResponseCache;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkTransition;
import java.time.Instant;
import java.time.InstantSource;

/**
 * What the requesting side does when a peer says a link's grant is revoked (SPEC §5.3), for queries
 * and renewals alike: drop the link's cached answers, mark the link revoked (it is no longer used
 * or renewed) and record why. Bookkeeping failures are swallowed: the caller's answer matters more.
 */
final class LinkRevocation {
  private final LinkRepository links;
  private final LinkHealthRepository health;
  private final ResponseCache cache;
  private final InstantSource clock;

  LinkRevocation(
      LinkRepository links, LinkHealthRepository health, ResponseCache cache, InstantSource clock) {
    this.links = links;
    this.health = health;
    this.cache = cache;
    this.clock = clock;
  }

  void revoke(Link link, String reason) {
    quietly(() -> cache.flush(link.id()));
    Instant now = Times.now(clock);
    quietly(
        () ->
            links
                .findById(link.id())
                .filter(current -> current.localUserId().equals(link.localUserId()))
                .ifPresent(
                    current -> {
                      if (current.revoke(reason, now) instanceof LinkTransition.Applied applied) {
                        links.update(applied.link());
                      }
                    }));
    quietly(() -> health.recordFailure(link.id(), now, "revoked: " + reason));
  }

  private static void quietly(Runnable write) {
    try {
      write.run();
    } catch (InfrastructureException e) {
      // the next request that reaches the peer is refused again and records again
    }
  }
}
