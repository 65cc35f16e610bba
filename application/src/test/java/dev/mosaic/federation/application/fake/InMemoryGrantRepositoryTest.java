package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.GrantRepositoryContract;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;

class InMemoryGrantRepositoryTest extends GrantRepositoryContract {
  @Override
  protected GrantRepository createGrantRepository() {
    return new InMemoryGrantRepository();
  }

  @Override
  protected PeerRepository peerRepository() {
    return new InMemoryPeerRepository();
  }

  @Override
  protected UserDirectory userDirectory() {
    return new InMemoryUserDirectory();
  }
}
