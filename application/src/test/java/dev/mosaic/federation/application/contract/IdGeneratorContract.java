package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.IdGenerator;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link IdGenerator}: never repeats. */
public abstract class IdGeneratorContract {
  protected abstract IdGenerator createIdGenerator();

  @Test
  void newId_manyCalls_neverRepeats() {
    IdGenerator ids = createIdGenerator();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(ids.newId())).isTrue();
    }
  }
}
