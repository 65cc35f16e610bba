package dev.mosaic.federation.bootstrap.config;

/** Configuration files for tests. */
public final class ConfigFixtures {
  private ConfigFixtures() {}

  public static final String SEALING_KEY = "0123456789abcdef0123456789abcdef-sealing";

  /** A complete federated-tier configuration with a local CA; no file it names must exist. */
  public static final String FEDERATED_LOCAL_CA =
      """
      gateway:
        name: work.example
        tier: federated
      federation:
        listen: 0.0.0.0:8443
        publicUrl: https://work.example:8443
      local:
        listen: 127.0.0.1:8080
      database:
        url: jdbc:postgresql://127.0.0.1:5432/mosaic
        user: postgres
      valkey:
        url: redis://127.0.0.1:6380/0
      pki:
        mode: local
        local:
          dir: /var/lib/mosaic/ca
      secrets:
        sealingKey: %s
      """
          .formatted(SEALING_KEY);
}
