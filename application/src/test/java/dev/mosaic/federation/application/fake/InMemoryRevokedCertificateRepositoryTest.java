package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.RevokedCertificateRepositoryContract;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.RevokedCertificateRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;

class InMemoryRevokedCertificateRepositoryTest extends RevokedCertificateRepositoryContract {
  private final InMemoryStores stores = new InMemoryStores();

  @Override
  protected RevokedCertificateRepository createRevokedCertificateRepository() {
    return stores.revokedCertificates();
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
