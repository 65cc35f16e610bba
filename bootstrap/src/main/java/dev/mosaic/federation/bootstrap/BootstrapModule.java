package dev.mosaic.federation.bootstrap;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dagger.multibindings.Multibinds;
import dev.mosaic.federation.adapters.cache.RateLimitFallback;
import dev.mosaic.federation.adapters.http.HttpModule;
import dev.mosaic.federation.application.port.in.AddLinkUseCase;
import dev.mosaic.federation.application.port.in.ArchiveAuditUseCase;
import dev.mosaic.federation.application.port.in.AuthenticateSessionUseCase;
import dev.mosaic.federation.application.port.in.AuthorizeRequestUseCase;
import dev.mosaic.federation.application.port.in.ChangeGrantScopeUseCase;
import dev.mosaic.federation.application.port.in.CreateGrantUseCase;
import dev.mosaic.federation.application.port.in.FederationStatusUseCase;
import dev.mosaic.federation.application.port.in.ImportDataUseCase;
import dev.mosaic.federation.application.port.in.IssueEnrollmentTokenUseCase;
import dev.mosaic.federation.application.port.in.IssueSessionTokenUseCase;
import dev.mosaic.federation.application.port.in.ListGrantsUseCase;
import dev.mosaic.federation.application.port.in.ListLinksUseCase;
import dev.mosaic.federation.application.port.in.ManageTeamsUseCase;
import dev.mosaic.federation.application.port.in.ManageUsersUseCase;
import dev.mosaic.federation.application.port.in.QueryUseCase;
import dev.mosaic.federation.application.port.in.ReadAuditUseCase;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentUseCase;
import dev.mosaic.federation.application.port.in.RemoveLinkUseCase;
import dev.mosaic.federation.application.port.in.RenewCertificateUseCase;
import dev.mosaic.federation.application.port.in.RenewLinkUseCase;
import dev.mosaic.federation.application.port.in.RevokeGrantUseCase;
import dev.mosaic.federation.application.port.in.RunDoctorUseCase;
import dev.mosaic.federation.application.port.in.ServeFederatedRequestUseCase;
import dev.mosaic.federation.application.port.in.ShowGrantUseCase;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import dev.mosaic.federation.application.port.out.Embedder;
import dev.mosaic.federation.application.port.out.IdGenerator;
import dev.mosaic.federation.application.port.out.LinkHealthRepository;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.application.port.out.ResponseCache;
import dev.mosaic.federation.application.service.AddLinkService;
import dev.mosaic.federation.application.service.AuditService;
import dev.mosaic.federation.application.service.AuthenticateSessionService;
import dev.mosaic.federation.application.service.AuthorizeRequestService;
import dev.mosaic.federation.application.service.BackoffPeerTransport;
import dev.mosaic.federation.application.service.ChangeGrantScopeService;
import dev.mosaic.federation.application.service.CreateGrantService;
import dev.mosaic.federation.application.service.FeatureHashingEmbedder;
import dev.mosaic.federation.application.service.FederationStatusService;
import dev.mosaic.federation.application.service.GrantQueryService;
import dev.mosaic.federation.application.service.ImportDataService;
import dev.mosaic.federation.application.service.IssueEnrollmentTokenService;
import dev.mosaic.federation.application.service.IssueSessionTokenService;
import dev.mosaic.federation.application.service.ListLinksService;
import dev.mosaic.federation.application.service.ManageTeamsService;
import dev.mosaic.federation.application.service.ManageUsersService;
import dev.mosaic.federation.application.service.QueryService;
import dev.mosaic.federation.application.service.RedeemEnrollmentService;
import dev.mosaic.federation.application.service.RemoveLinkService;
import dev.mosaic.federation.application.service.RenewCertificateService;
import dev.mosaic.federation.application.service.RenewLinkService;
import dev.mosaic.federation.application.service.RenewalScheduler;
import dev.mosaic.federation.application.service.RenewalSettings;
import dev.mosaic.federation.application.service.RevokeGrantService;
import dev.mosaic.federation.application.service.RunDoctorService;
import dev.mosaic.federation.application.service.ServeFederatedRequestService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * What the gateway itself contributes to the graph: the real clock, randomness and ids, the use
 * cases of the application core, the doctor checks no adapter owns, the metrics registry, and the
 * requesting-side collaborators this build keeps in-process (revocation fan-out, the answer cache,
 * the 429 backoff in front of the network transport).
 */
@Module
abstract class BootstrapModule {

  /** Adapters contribute their checks with {@code @IntoSet}; the set may start empty. */
  @Multibinds
  abstract Set<DependencyCheck> dependencyChecks();

  @Binds
  abstract RunDoctorUseCase runDoctor(RunDoctorService service);

  @Binds
  abstract ManageUsersUseCase manageUsers(ManageUsersService service);

  @Binds
  abstract IssueSessionTokenUseCase issueSessionToken(IssueSessionTokenService service);

  @Binds
  abstract ManageTeamsUseCase manageTeams(ManageTeamsService service);

  @Binds
  abstract ImportDataUseCase importData(ImportDataService service);

  @Binds
  abstract CreateGrantUseCase createGrant(CreateGrantService service);

  @Binds
  abstract ListGrantsUseCase listGrants(GrantQueryService service);

  @Binds
  abstract ShowGrantUseCase showGrant(GrantQueryService service);

  @Binds
  abstract IssueEnrollmentTokenUseCase issueEnrollmentToken(IssueEnrollmentTokenService service);

  @Binds
  abstract RedeemEnrollmentUseCase redeemEnrollment(RedeemEnrollmentService service);

  @Binds
  abstract RevokeGrantUseCase revokeGrant(RevokeGrantService service);

  @Binds
  abstract ChangeGrantScopeUseCase changeGrantScope(ChangeGrantScopeService service);

  @Binds
  abstract AuthorizeRequestUseCase authorizeRequest(AuthorizeRequestService service);

  @Binds
  abstract AddLinkUseCase addLink(AddLinkService service);

  @Binds
  abstract ListLinksUseCase listLinks(ListLinksService service);

  @Binds
  abstract RemoveLinkUseCase removeLink(RemoveLinkService service);

  /** One per gateway: it serialises renewals of a link within this process. */
  @Binds
  @Singleton
  abstract RenewLinkUseCase renewLink(RenewLinkService service);

  @Binds
  abstract FederationStatusUseCase federationStatus(FederationStatusService service);

  /** One per gateway: it remembers each link's jittered renewal time and backoff. */
  @Provides
  @Singleton
  static RenewalScheduler renewalScheduler(
      LinkRepository links,
      RenewLinkUseCase renewal,
      RenewalSettings settings,
      InstantSource clock,
      RandomGenerator random) {
    return new RenewalScheduler(links, renewal, settings, clock, random);
  }

  /** The renewal jitter's randomness. */
  @Provides
  static RandomGenerator random(SecureRandom random) {
    return random;
  }

  @Binds
  abstract ServeFederatedRequestUseCase serveFederatedRequest(ServeFederatedRequestService service);

  @Binds
  abstract RenewCertificateUseCase renewCertificate(RenewCertificateService service);

  @Binds
  abstract ReadAuditUseCase readAudit(AuditService service);

  @Binds
  abstract ArchiveAuditUseCase archiveAudit(AuditService service);

  /** One per gateway: it remembers which sessions were told a peer is offline. */
  @Binds
  @Singleton
  abstract QueryUseCase query(QueryService service);

  @Binds
  abstract Embedder embedder(FeatureHashingEmbedder embedder);

  @Binds
  abstract AuthenticateSessionUseCase authenticateSession(AuthenticateSessionService service);

  @Binds
  @Singleton
  abstract ResponseCache responseCache(InProcessResponseCache cache);

  @Binds
  abstract MeterRegistry meterRegistry(PrometheusMeterRegistry registry);

  @Provides
  @Singleton
  static PrometheusMeterRegistry prometheusRegistry(RateLimitFallback rateLimitFallback) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    FunctionCounter.builder(
            "mosaic.ratelimit.fallback", rateLimitFallback, RateLimitFallback::decisions)
        .description("requests rate limited by an in-process bucket because Valkey failed")
        .register(registry);
    Gauge.builder(
            "mosaic.ratelimit.fallback.active",
            rateLimitFallback,
            f -> f.since().isPresent() ? 1 : 0)
        .description("1 while this replica rate limits in-process because Valkey failed")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  /** {@code GET /metrics} of the loopback listener: the registry in Prometheus text format. */
  @Provides
  @Named("metrics-scrape")
  static Supplier<String> metricsScrape(PrometheusMeterRegistry registry) {
    return registry::scrape;
  }

  @Provides
  @IntoSet
  static AutoCloseable closeMeterRegistry(PrometheusMeterRegistry registry) {
    return registry::close;
  }

  /** A's calls to peers: the network transport behind the requesting side's 429 backoff. */
  @Provides
  @Singleton
  static PeerTransport peerTransport(
      @Named(HttpModule.PEER_NETWORK) PeerTransport network,
      LinkHealthRepository health,
      InstantSource clock) {
    return new BackoffPeerTransport(network, health, clock);
  }

  @Provides
  static InstantSource clock() {
    return InstantSource.system();
  }

  @Provides
  @Singleton
  static SecureRandom secureRandom() {
    return new SecureRandom();
  }

  @Provides
  static IdGenerator ids() {
    return UUID::randomUUID;
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
