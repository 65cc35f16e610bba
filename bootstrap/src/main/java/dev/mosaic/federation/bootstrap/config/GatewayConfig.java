package dev.mosaic.federation.bootstrap.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated configuration of one gateway (SPEC §11), loaded by {@link ConfigLoader}. Sections
 * that a tier may leave out are {@link Optional}; for the {@link Tier#FEDERATED} tier the loader
 * guarantees that every one of them is present.
 */
public record GatewayConfig(
    Gateway gateway,
    Federation federation,
    Local local,
    Optional<Database> database,
    Optional<Valkey> valkey,
    Pki pki,
    Secrets secrets,
    Limits limits,
    Client client,
    Cache cache,
    Tracing tracing) {

  public GatewayConfig {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(federation, "federation");
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(valkey, "valkey");
    Objects.requireNonNull(pki, "pki");
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(tracing, "tracing");
  }

  /** {@code gateway.name}, {@code gateway.tier}. */
  public record Gateway(String name, Tier tier) {}

  /** {@code federation.*}: the mTLS endpoint that serves peers. */
  public record Federation(
      Optional<HostPort> listen,
      Optional<URI> publicUrl,
      Optional<ServerCertificate> serverCertificate) {}

  /** Operator-supplied server certificate and key (both files, PEM). */
  public record ServerCertificate(Path certificateFile, Path keyFile) {}

  /** {@code local.listen}: loopback address of the session API, /healthz and /metrics. */
  public record Local(Optional<HostPort> listen) {}

  /** {@code database.*}: a {@code jdbc:postgresql:} URL, the role, and its optional password. */
  public record Database(String url, String user, Optional<Secret> password) {}

  /**
   * {@code valkey.url} split into the server address ({@code redis://host:port} or {@code
   * rediss://host:port}), database number and optional credentials from the URL's user info.
   */
  public record Valkey(
      URI address, int database, Optional<String> username, Optional<Secret> password) {}

  /** {@code pki.*}. */
  public record Pki(
      Optional<CertificateAuthority> authority,
      String oidArc,
      Duration certificateLifetime,
      Duration renewBefore) {

    /** The configured {@code pki.mode}, if any. */
    public Optional<PkiMode> mode() {
      return authority.map(CertificateAuthority::mode);
    }
  }

  /** The certificate authority chosen by {@code pki.mode}. */
  public sealed interface CertificateAuthority permits LocalCa, StepCa {
    PkiMode mode();
  }

  /**
   * {@code pki.mode: local}: the BouncyCastle CA keeps its root and intermediate in {@code dir}.
   */
  public record LocalCa(Path dir) implements CertificateAuthority {
    @Override
    public PkiMode mode() {
      return PkiMode.LOCAL;
    }
  }

  /** {@code pki.mode: stepca}: a Step-CA server and the JWK provisioner this gateway uses. */
  public record StepCa(
      URI url, Path rootFile, String provisioner, Path provisionerKeyFile, Path passwordFile)
      implements CertificateAuthority {
    @Override
    public PkiMode mode() {
      return PkiMode.STEPCA;
    }
  }

  /** {@code secrets.sealingKey} or the trimmed content of {@code secrets.sealingKeyFile}. */
  public record Secrets(Optional<Secret> sealingKey) {}

  /** {@code limits.*}: default per-grant rate limit and the per-address enrollment limit. */
  public record Limits(int defaultRequestsPerMinute, int defaultBurst, int enrollmentPerMinute) {}

  /** {@code client.*}: timeouts of the requesting side's calls to peers. */
  public record Client(Duration connectTimeout, Duration requestTimeout) {}

  /** {@code cache.ttl}: lifetime of the requesting side's in-memory answers; 0 disables. */
  public record Cache(Duration ttl) {}

  /** {@code tracing.otlpEndpoint}: OTLP export target; no export when empty. */
  public record Tracing(Optional<URI> otlpEndpoint) {}
}
