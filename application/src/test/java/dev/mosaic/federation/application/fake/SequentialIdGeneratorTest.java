package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.IdGeneratorContract;
import dev.mosaic.federation.application.port.out.IdGenerator;

class SequentialIdGeneratorTest extends IdGeneratorContract {
  @Override
  protected IdGenerator createIdGenerator() {
    return new SequentialIdGenerator();
  }
}
