package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.contract.SessionTokenRepositoryContract;
import dev.mosaic.federation.application.port.out.SessionTokenRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SessionTokenRepositoryContract} against real PostgreSQL. */
class JooqSessionTokenRepositoryTest extends SessionTokenRepositoryContract {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  @Override
  protected SessionTokenRepository createSessionTokenRepository() {
    return new JooqSessionTokenRepository(database.transactor());
  }

  @Override
  protected UserDirectory userDirectory() {
    return new JooqUserDirectory(database.transactor());
  }
}
