package dev.mosaic.federation.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.mosaic.federation.adapters.cache.ValkeySettings;
import dev.mosaic.federation.adapters.http.HttpSettings;
import dev.mosaic.federation.adapters.http.LocalHttpSettings;
import dev.mosaic.federation.adapters.persistence.DatabaseSettings;
import dev.mosaic.federation.adapters.persistence.VectorRequirement;
import dev.mosaic.federation.adapters.pki.PkiSettings;
import dev.mosaic.federation.adapters.pki.SealingKey;
import dev.mosaic.federation.adapters.pki.StepCaSettings;
import dev.mosaic.federation.application.service.CursorKey;
import dev.mosaic.federation.application.service.GatewayIdentity;
import dev.mosaic.federation.application.service.QuerySettings;
import dev.mosaic.federation.application.service.RenewalSettings;
import dev.mosaic.federation.application.service.ServingDefaults;
import dev.mosaic.federation.bootstrap.config.ConfigException;
import dev.mosaic.federation.bootstrap.config.ConfigKeys;
import dev.mosaic.federation.bootstrap.config.GatewayConfig;
import dev.mosaic.federation.bootstrap.config.HostPort;
import dev.mosaic.federation.bootstrap.config.Secret;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.scope.RateLimit;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Turns the loaded {@link GatewayConfig} into the small settings records the adapter modules and
 * services take. Providers run on first use, so a section the configured tier left out fails only
 * when something needs it, naming the key.
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

  /** {@code pki.*} with {@code federation.publicUrl} and the optional server certificate files. */
  @Provides
  static PkiSettings pkiSettings(GatewayConfig config) {
    GatewayConfig.Pki pki = config.pki();
    GatewayConfig.CertificateAuthority authority =
        pki.authority().orElseThrow(() -> missing(config, ConfigKeys.PKI_MODE));
    URI publicUrl = publicUrl(config);
    Optional<PkiSettings.ServerCertificateFiles> serverCertificate =
        config
            .federation()
            .serverCertificate()
            .map(s -> new PkiSettings.ServerCertificateFiles(s.certificateFile(), s.keyFile()));
    try {
      return switch (authority) {
        case GatewayConfig.LocalCa local ->
            new PkiSettings(
                PkiSettings.Mode.LOCAL,
                Optional.of(local.dir()),
                Optional.empty(),
                pki.oidArc(),
                pki.certificateLifetime(),
                publicUrl,
                serverCertificate);
        case GatewayConfig.StepCa stepCa ->
            new PkiSettings(
                PkiSettings.Mode.STEPCA,
                Optional.empty(),
                Optional.of(
                    new StepCaSettings(
                        stepCa.url(),
                        stepCa.rootFile(),
                        stepCa.provisioner(),
                        stepCa.provisionerKeyFile(),
                        stepCa.passwordFile())),
                pki.oidArc(),
                pki.certificateLifetime(),
                publicUrl,
                serverCertificate);
      };
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of(e.getMessage()));
    }
  }

  /** {@code secrets.sealingKey} (or the content of {@code secrets.sealingKeyFile}). */
  @Provides
  static SealingKey sealingKey(GatewayConfig config) {
    Secret secret =
        config
            .secrets()
            .sealingKey()
            .orElseThrow(() -> missing(config, ConfigKeys.SECRETS_SEALING_KEY));
    try {
      return SealingKey.of(secret.value());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of(e.getMessage()));
    }
  }

  /** The list-cursor MAC key, derived from the sealing secret ({@link CursorKey#derive}). */
  @Provides
  static CursorKey cursorKey(SealingKey sealingKey) {
    byte[] secret = sealingKey.secret();
    try {
      return CursorKey.derive(secret);
    } finally {
      java.util.Arrays.fill(secret, (byte) 0);
    }
  }

  /** {@code client.requestTimeout} and {@code cache.ttl} of the requesting side's queries. */
  @Provides
  static QuerySettings querySettings(GatewayConfig config) {
    return new QuerySettings(config.client().requestTimeout(), config.cache().ttl());
  }

  /** {@code pki.renewBefore}: when the requesting side renews its links' certificates. */
  @Provides
  static RenewalSettings renewalSettings(GatewayConfig config) {
    return new RenewalSettings(config.pki().renewBefore());
  }

  @Provides
  static HttpSettings httpSettings(GatewayConfig config) {
    HostPort listen =
        config
            .federation()
            .listen()
            .orElseThrow(() -> missing(config, ConfigKeys.FEDERATION_LISTEN));
    return new HttpSettings(
        listen.host(),
        listen.port(),
        config.limits().enrollmentPerMinute(),
        config.client().connectTimeout(),
        config.client().requestTimeout());
  }

  /** {@code local.listen}: the loopback session API, {@code /healthz} and {@code /metrics}. */
  @Provides
  static LocalHttpSettings localHttpSettings(GatewayConfig config) {
    HostPort listen =
        config.local().listen().orElseThrow(() -> missing(config, ConfigKeys.LOCAL_LISTEN));
    return new LocalHttpSettings(listen.host(), listen.port());
  }

  /** {@code gateway.name} as peers know it, and {@code federation.publicUrl}. */
  @Provides
  static GatewayIdentity gatewayIdentity(GatewayConfig config) {
    Optional<String> problem =
        PeerName.problemWith(config.gateway().name().toLowerCase(java.util.Locale.ROOT));
    if (problem.isPresent()) {
      throw new ConfigException(List.of(ConfigKeys.GATEWAY_NAME + ": " + problem.get()));
    }
    return new GatewayIdentity(PeerName.parse(config.gateway().name()), publicUrl(config));
  }

  /** {@code limits.defaultRequestsPerMinute} and {@code limits.defaultBurst}. */
  @Provides
  static ServingDefaults servingDefaults(GatewayConfig config) {
    return new ServingDefaults(
        new RateLimit(config.limits().defaultRequestsPerMinute(), config.limits().defaultBurst()));
  }

  private static URI publicUrl(GatewayConfig config) {
    return config
        .federation()
        .publicUrl()
        .orElseThrow(() -> missing(config, ConfigKeys.FEDERATION_PUBLIC_URL));
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
