package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.KeySealerContract;
import dev.mosaic.federation.application.port.out.KeySealer;

class InMemoryKeySealerTest extends KeySealerContract {
  @Override
  protected KeySealer createKeySealer() {
    return new InMemoryKeySealer();
  }

  @Override
  protected KeySealer createKeySealerWithAnotherKey() {
    return new InMemoryKeySealer();
  }
}
