package dev.mosaic.federation.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.mosaic.federation.adapters.cache.ValkeySettings;
import dev.mosaic.federation.adapters.persistence.DatabaseSettings;
import dev.mosaic.federation.adapters.persistence.VectorRequirement;
import dev.mosaic.federation.adapters.pki.StepCaSettings;
import dev.mosaic.federation.bootstrap.config.ConfigException;
import dev.mosaic.federation.bootstrap.config.ConfigKeys;
import dev.mosaic.federation.bootstrap.config.GatewayConfig;
import dev.mosaic.federation.bootstrap.config.Secret;
import java.util.List;

/**
 * Turns the loaded {@link GatewayConfig} into the small settings records the adapter modules take.
 * A section the configured tier left out fails when something needs it, naming the key.
 */
@Module
final class ConfigModule {
  private ConfigModule() {}

  @Provides
  static DatabaseSettings databaseSettings(GatewayConfig config) {
    GatewayConfig.Database database =
        config.database().orElseThrow(() -> missing(config, ConfigKeys.DATABASE_URL));
    return new DatabaseSettings(
        database.url(), database.user(), database.password().map(Secret::value).orElse(""));
  }

  @Provides
  static ValkeySettings valkeySettings(GatewayConfig config) {
    GatewayConfig.Valkey valkey =
        config.valkey().orElseThrow(() -> missing(config, ConfigKeys.VALKEY_URL));
    return new ValkeySettings(
        valkey.address(),
        valkey.database(),
        valkey.username(),
        valkey.password().map(Secret::value));
  }

  /** The federated tier needs {@code vector}; the embedded tier runs without semantic search. */
  @Provides
  static VectorRequirement vectorRequirement(GatewayConfig config) {
    return switch (config.gateway().tier()) {
      case FEDERATED -> VectorRequirement.REQUIRED;
      case EMBEDDED -> VectorRequirement.OPTIONAL;
    };
  }

  /** {@code pki.stepca.*} with the certificate profile, when {@code pki.mode} is stepca. */
  static StepCaSettings stepCaSettings(GatewayConfig config) {
    GatewayConfig.Pki pki = config.pki();
    if (!(pki.authority().orElse(null) instanceof GatewayConfig.StepCa stepCa)) {
      throw new ConfigException(
          List.of(
              ConfigKeys.PKI_MODE
                  + ": this build wires only the stepca mode (was "
                  + pki.mode().map(m -> m.configName()).orElse("not set")
                  + ")"));
    }
    return new StepCaSettings(
        stepCa.url(),
        stepCa.rootFile(),
        stepCa.provisioner(),
        stepCa.provisionerKeyFile(),
        stepCa.passwordFile(),
        pki.oidArc(),
        pki.certificateLifetime());
  }

  private static ConfigException missing(GatewayConfig config, String key) {
    return new ConfigException(
        List.of(
            key
                + ": required here, and not set (tier "
                + config.gateway().tier().configName()
                + ")"));
  }
}
