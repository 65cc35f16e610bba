package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.contract.LinkRepositoryContract;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LinkRepositoryContract} against real PostgreSQL. */
class JooqLinkRepositoryTest extends LinkRepositoryContract {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  @Override
  protected LinkRepository createLinkRepository() {
    return new JooqLinkRepository(database.transactor());
  }

  @Override
  protected UserDirectory userDirectory() {
    return new JooqUserDirectory(database.transactor());
  }
}
