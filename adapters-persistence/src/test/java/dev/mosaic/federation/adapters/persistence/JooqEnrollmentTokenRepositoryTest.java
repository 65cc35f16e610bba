package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.contract.EnrollmentTokenRepositoryContract;
import dev.mosaic.federation.application.port.out.EnrollmentTokenRepository;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link EnrollmentTokenRepositoryContract} against real PostgreSQL. */
class JooqEnrollmentTokenRepositoryTest extends EnrollmentTokenRepositoryContract {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  @Override
  protected EnrollmentTokenRepository createEnrollmentTokenRepository() {
    return new JooqEnrollmentTokenRepository(database.transactor());
  }

  @Override
  protected GrantRepository grantRepository() {
    return new JooqGrantRepository(database.transactor());
  }

  @Override
  protected PeerRepository peerRepository() {
    return new JooqPeerRepository(database.transactor());
  }

  @Override
  protected UserDirectory userDirectory() {
    return new JooqUserDirectory(database.transactor());
  }
}
