package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.IdGenerator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Predictable ids: {@code 00000000-0000-4000-8000-000000000001}, …002, … Thread-safe. */
public final class SequentialIdGenerator implements IdGenerator {
  private final AtomicLong next = new AtomicLong(1);

  @Override
  public UUID newId() {
    return new UUID(0x0000_0000_0000_4000L, 0x8000_0000_0000_0000L | next.getAndIncrement());
  }
}
