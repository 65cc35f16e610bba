package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.ResourceSeeder;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.util.Set;
import java.util.UUID;

/** Seeds an {@link InMemoryResourceStore}; users and teams need no rows there. */
public final class InMemoryResourceSeeder implements ResourceSeeder {
  private final InMemoryResourceStore store;

  public InMemoryResourceSeeder(InMemoryResourceStore store) {
    this.store = store;
  }

  @Override
  public UserId newUser() {
    return new UserId(UUID.randomUUID());
  }

  @Override
  public TeamId newTeam(Set<UserId> members) {
    return new TeamId(UUID.randomUUID());
  }

  @Override
  public void insert(ResourceItem item) {
    store.insert(item);
  }
}
