package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.PeerRepositoryContract;
import dev.mosaic.federation.application.port.out.PeerRepository;

class InMemoryPeerRepositoryTest extends PeerRepositoryContract {
  @Override
  protected PeerRepository createPeerRepository() {
    return new InMemoryPeerRepository();
  }
}
