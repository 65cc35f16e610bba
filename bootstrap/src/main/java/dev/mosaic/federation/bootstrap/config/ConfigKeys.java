package dev.mosaic.federation.bootstrap.config;

import java.util.List;
import java.util.Locale;

/** Every configuration key (SPEC §11) and its environment variable. */
public final class ConfigKeys {

  public static final String GATEWAY_NAME = "gateway.name";
  public static final String GATEWAY_TIER = "gateway.tier";
  public static final String FEDERATION_LISTEN = "federation.listen";
  public static final String FEDERATION_PUBLIC_URL = "federation.publicUrl";
  public static final String FEDERATION_SERVER_CERTIFICATE_FILE =
      "federation.serverCertificateFile";
  public static final String FEDERATION_SERVER_KEY_FILE = "federation.serverKeyFile";
  public static final String LOCAL_LISTEN = "local.listen";
  public static final String DATABASE_URL = "database.url";
  public static final String DATABASE_USER = "database.user";
  public static final String DATABASE_PASSWORD = "database.password";
  public static final String VALKEY_URL = "valkey.url";
  public static final String PKI_MODE = "pki.mode";
  public static final String PKI_LOCAL_DIR = "pki.local.dir";
  public static final String PKI_STEPCA_URL = "pki.stepca.url";
  public static final String PKI_STEPCA_ROOT_FILE = "pki.stepca.rootFile";
  public static final String PKI_STEPCA_PROVISIONER = "pki.stepca.provisioner";
  public static final String PKI_STEPCA_PROVISIONER_KEY_FILE = "pki.stepca.provisionerKeyFile";
  public static final String PKI_STEPCA_PASSWORD_FILE = "pki.stepca.passwordFile";
  public static final String PKI_OID_ARC = "pki.oidArc";
  public static final String PKI_CERTIFICATE_LIFETIME = "pki.certificateLifetime";
  public static final String PKI_RENEW_BEFORE = "pki.renewBefore";
  public static final String SECRETS_SEALING_KEY = "secrets.sealingKey";
  public static final String SECRETS_SEALING_KEY_FILE = "secrets.sealingKeyFile";
  public static final String LIMITS_DEFAULT_REQUESTS_PER_MINUTE = "limits.defaultRequestsPerMinute";
  public static final String LIMITS_DEFAULT_BURST = "limits.defaultBurst";
  public static final String LIMITS_ENROLLMENT_PER_MINUTE = "limits.enrollmentPerMinute";
  public static final String CLIENT_CONNECT_TIMEOUT = "client.connectTimeout";
  public static final String CLIENT_REQUEST_TIMEOUT = "client.requestTimeout";
  public static final String CACHE_TTL = "cache.ttl";
  public static final String TRACING_OTLP_ENDPOINT = "tracing.otlpEndpoint";

  /** All keys, in documentation order. */
  public static final List<String> ALL =
      List.of(
          GATEWAY_NAME,
          GATEWAY_TIER,
          FEDERATION_LISTEN,
          FEDERATION_PUBLIC_URL,
          FEDERATION_SERVER_CERTIFICATE_FILE,
          FEDERATION_SERVER_KEY_FILE,
          LOCAL_LISTEN,
          DATABASE_URL,
          DATABASE_USER,
          DATABASE_PASSWORD,
          VALKEY_URL,
          PKI_MODE,
          PKI_LOCAL_DIR,
          PKI_STEPCA_URL,
          PKI_STEPCA_ROOT_FILE,
          PKI_STEPCA_PROVISIONER,
          PKI_STEPCA_PROVISIONER_KEY_FILE,
          PKI_STEPCA_PASSWORD_FILE,
          PKI_OID_ARC,
          PKI_CERTIFICATE_LIFETIME,
          PKI_RENEW_BEFORE,
          SECRETS_SEALING_KEY,
          SECRETS_SEALING_KEY_FILE,
          LIMITS_DEFAULT_REQUESTS_PER_MINUTE,
          LIMITS_DEFAULT_BURST,
          LIMITS_ENROLLMENT_PER_MINUTE,
          CLIENT_CONNECT_TIMEOUT,
          CLIENT_REQUEST_TIMEOUT,
          CACHE_TTL,
          TRACING_OTLP_ENDPOINT);

  private ConfigKeys() {}

  /**
   * The environment variable that overrides a key: {@code MOSAIC_} + the key in upper snake case,
   * e.g. {@code pki.stepca.rootFile} → {@code MOSAIC_PKI_STEPCA_ROOT_FILE}.
   */
  public static String environmentVariable(String key) {
    String snake = key.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    return "MOSAIC_" + snake.toUpperCase(Locale.ROOT);
  }

  /** True when {@code prefix} names a section that holds keys, e.g. {@code pki.stepca}. */
  static boolean isSection(String prefix) {
    return ALL.stream().anyMatch(k -> k.startsWith(prefix + "."));
  }
}
