package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.EnrollmentTokenRepositoryContract;
import dev.mosaic.federation.application.port.out.EnrollmentTokenRepository;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;

class InMemoryEnrollmentTokenRepositoryTest extends EnrollmentTokenRepositoryContract {
  private final InMemoryStores stores = new InMemoryStores();

  @Override
  protected EnrollmentTokenRepository createEnrollmentTokenRepository() {
    return stores.tokens();
  }

  @Override
  protected GrantRepository grantRepository() {
    return stores.grants();
  }

  @Override
  protected PeerRepository peerRepository() {
    return stores.peers();
  }

  @Override
  protected UserDirectory userDirectory() {
    return stores.users();
  }
}
