package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.contract.RevokedCertificateRepositoryContract;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.RevokedCertificateRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RevokedCertificateRepositoryContract} against real PostgreSQL. */
class JooqRevokedCertificateRepositoryTest extends RevokedCertificateRepositoryContract {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  @Override
  protected RevokedCertificateRepository createRevokedCertificateRepository() {
    return new JooqRevokedCertificateRepository(database.transactor());
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
