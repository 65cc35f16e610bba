package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.LinkHealthRepositoryContract;
import dev.mosaic.federation.application.port.out.LinkHealthRepository;
import dev.mosaic.federation.domain.link.LinkId;
import java.util.UUID;

class InMemoryLinkHealthRepositoryTest extends LinkHealthRepositoryContract {
  @Override
  protected LinkHealthRepository createLinkHealthRepository() {
    return new InMemoryLinkHealthRepository();
  }

  @Override
  protected LinkId aStoredLink() {
    return new LinkId(UUID.randomUUID());
  }
}
