package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.ResourceSeeder;
import dev.mosaic.federation.application.contract.ResourceStoreContract;
import dev.mosaic.federation.application.port.out.ResourceStore;

class InMemoryResourceStoreTest extends ResourceStoreContract {
  private final InMemoryResourceStore store = new InMemoryResourceStore();

  @Override
  protected ResourceStore createResourceStore() {
    return store;
  }

  @Override
  protected ResourceSeeder seeder() {
    return new InMemoryResourceSeeder(store);
  }
}
