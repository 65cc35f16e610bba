package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.contract.ResourceImporterContract;
import dev.mosaic.federation.application.contract.ResourceSeeder;
import dev.mosaic.federation.application.port.out.ResourceImporter;
import dev.mosaic.federation.application.port.out.ResourceStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ResourceImporterContract} against real PostgreSQL. */
class JooqResourceImporterTest extends ResourceImporterContract {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  @Override
  protected ResourceImporter createResourceImporter() {
    return new JooqResourceImporter(database.transactor());
  }

  @Override
  protected ResourceStore resourceStore() {
    return new JooqResourceStore(database.transactor());
  }

  @Override
  protected ResourceSeeder seeder() {
    return new SqlResourceSeeder(database);
  }
}
