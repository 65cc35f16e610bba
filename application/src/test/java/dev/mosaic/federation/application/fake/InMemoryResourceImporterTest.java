package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.ResourceImporterContract;
import dev.mosaic.federation.application.contract.ResourceSeeder;
import dev.mosaic.federation.application.port.out.ResourceImporter;
import dev.mosaic.federation.application.port.out.ResourceStore;

class InMemoryResourceImporterTest extends ResourceImporterContract {
  private final InMemoryResourceStore store = new InMemoryResourceStore();

  @Override
  protected ResourceImporter createResourceImporter() {
    return store;
  }

  @Override
  protected ResourceStore resourceStore() {
    return store;
  }

  @Override
  protected ResourceSeeder seeder() {
    return new InMemoryResourceSeeder(store);
  }
}
