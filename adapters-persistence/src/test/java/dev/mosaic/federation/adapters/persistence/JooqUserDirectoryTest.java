package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.contract.UserDirectoryContract;
import dev.mosaic.federation.application.port.out.UserDirectory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link UserDirectoryContract} against real PostgreSQL. */
class JooqUserDirectoryTest extends UserDirectoryContract {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  @Override
  protected UserDirectory createUserDirectory() {
    return new JooqUserDirectory(database.transactor());
  }
}
