package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.RateLimiterContract;
import dev.mosaic.federation.application.port.out.RateLimiter;
import dev.mosaic.federation.domain.fixtures.Times;
import java.time.Duration;

class InMemoryRateLimiterTest extends RateLimiterContract {
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0);

  @Override
  protected RateLimiter createRateLimiter() {
    return new InMemoryRateLimiter(clock);
  }

  @Override
  protected void advanceClock(Duration duration) {
    clock.advance(duration);
  }
}
