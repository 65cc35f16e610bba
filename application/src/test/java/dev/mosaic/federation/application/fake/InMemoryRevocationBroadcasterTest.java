package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.RevocationBroadcasterContract;
import dev.mosaic.federation.application.port.out.RevocationBroadcaster;

class InMemoryRevocationBroadcasterTest extends RevocationBroadcasterContract {
  @Override
  protected RevocationBroadcaster createRevocationBroadcaster() {
    return new InMemoryRevocationBroadcaster();
  }
}
