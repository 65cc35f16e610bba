package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.ResponseCacheContract;
import dev.mosaic.federation.application.port.out.ResponseCache;
import dev.mosaic.federation.domain.fixtures.Times;
import java.time.Duration;

class InMemoryResponseCacheTest extends ResponseCacheContract {
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0);

  @Override
  protected ResponseCache createResponseCache() {
    return new InMemoryResponseCache(clock);
  }

  @Override
  protected void advanceClock(Duration duration) {
    clock.advance(duration);
  }
}
