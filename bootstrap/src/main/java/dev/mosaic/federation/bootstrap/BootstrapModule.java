package dev.mosaic.federation.bootstrap;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dagger.multibindings.Multibinds;
import dev.mosaic.federation.application.port.in.RunDoctorUseCase;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import dev.mosaic.federation.application.service.RunDoctorService;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What the gateway itself contributes to the graph: the real clock and randomness, the use cases of
 * the application core, and the doctor checks no adapter owns.
 */
@Module
abstract class BootstrapModule {

  /** Adapters contribute their checks with {@code @IntoSet}; the set may start empty. */
  @Multibinds
  abstract Set<DependencyCheck> dependencyChecks();

  @Binds
  abstract RunDoctorUseCase runDoctor(RunDoctorService service);

  @Provides
  static InstantSource clock() {
    return InstantSource.system();
  }

  @Provides
  static SecureRandom secureRandom() {
    return new SecureRandom();
  }

  /** The persistence adapter's pool (HikariCP) is closed with the gateway. */
  @Provides
  @IntoSet
  static AutoCloseable closeDataSource(DataSource dataSource) {
    return dataSource instanceof AutoCloseable pool ? pool : () -> {};
  }

  @Provides
  @IntoSet
  static DependencyCheck clockCheck(InstantSource clock) {
    return new ClockSanityCheck(clock);
  }
}
