package dev.mosaic.federation.bootstrap;

import dev.mosaic.federation.adapters.persistence.DatabaseMigrator;
import dev.mosaic.federation.application.fake.FakeCertificateReader;
import dev.mosaic.federation.application.fake.FakeClientKeyFactory;
import dev.mosaic.federation.application.fake.InMemoryCertificateAuthority;
import dev.mosaic.federation.application.fake.InMemoryKeySealer;
import dev.mosaic.federation.application.fake.InMemoryLinkHealthRepository;
import dev.mosaic.federation.application.fake.InMemoryPeerTransport;
import dev.mosaic.federation.application.fake.InMemoryResponseCache;
import dev.mosaic.federation.application.fake.InMemoryRevocationBroadcaster;
import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.port.in.AddLinkUseCase;
import dev.mosaic.federation.application.port.in.ArchiveAuditUseCase;
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
import dev.mosaic.federation.application.port.in.RemoveLinkUseCase;
import dev.mosaic.federation.application.port.in.RevokeGrantUseCase;
import dev.mosaic.federation.application.port.in.RunDoctorUseCase;
import dev.mosaic.federation.application.port.in.ShowGrantUseCase;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.application.service.AddLinkService;
import dev.mosaic.federation.application.service.AuditService;
import dev.mosaic.federation.application.service.ChangeGrantScopeService;
import dev.mosaic.federation.application.service.CreateGrantService;
import dev.mosaic.federation.application.service.CursorCodec;
import dev.mosaic.federation.application.service.CursorKey;
import dev.mosaic.federation.application.service.FeatureHashingEmbedder;
import dev.mosaic.federation.application.service.FederationStatusService;
import dev.mosaic.federation.application.service.GatewayIdentity;
import dev.mosaic.federation.application.service.GrantQueryService;
import dev.mosaic.federation.application.service.ImportDataService;
import dev.mosaic.federation.application.service.IssueEnrollmentTokenService;
import dev.mosaic.federation.application.service.IssueSessionTokenService;
import dev.mosaic.federation.application.service.ListLinksService;
import dev.mosaic.federation.application.service.ManageTeamsService;
import dev.mosaic.federation.application.service.ManageUsersService;
import dev.mosaic.federation.application.service.QueryService;
import dev.mosaic.federation.application.service.QuerySettings;
import dev.mosaic.federation.application.service.RemoveLinkService;
import dev.mosaic.federation.application.service.RenewLinkService;
import dev.mosaic.federation.application.service.RenewalScheduler;
import dev.mosaic.federation.application.service.RenewalSettings;
import dev.mosaic.federation.application.service.RevokeGrantService;
import dev.mosaic.federation.bootstrap.cli.CliContext;
import dev.mosaic.federation.domain.peer.PeerName;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The application's real use cases over its in-memory stores: what the CLI tests run commands
 * against, without services. One instance is one gateway's state; {@link #close()} only counts.
 */
class FakeGateway implements GatewayServices {
  final MutableInstantSource clock =
      new MutableInstantSource(Instant.parse("2026-03-01T10:00:00Z"));
  final InMemoryStores stores = new InMemoryStores();
  final InMemoryCertificateAuthority ca =
      new InMemoryCertificateAuthority(clock, Duration.ofDays(30));
  final SequentialIdGenerator ids = new SequentialIdGenerator();
  final SecureRandom random = new SecureRandom();
  final InMemoryPeerTransport network = new InMemoryPeerTransport();
  int closeCount;

  private final RevokeGrantService revokeGrant =
      new RevokeGrantService(
          stores.transactor(),
          stores.grants(),
          stores.revokedCertificates(),
          stores.audit(),
          ca,
          new InMemoryRevocationBroadcaster(),
          ids,
          clock);
  private final GrantQueryService grantQueries =
      new GrantQueryService(stores.grants(), stores.peers(), stores.users(), clock);
  final InMemoryLinkHealthRepository health = new InMemoryLinkHealthRepository();
  final InMemoryKeySealer sealer = new InMemoryKeySealer();
  final FakeClientKeyFactory keys = new FakeClientKeyFactory();
  private final RenewLinkService renewLink =
      new RenewLinkService(
          stores.transactor(),
          stores.users(),
          stores.links(),
          health,
          new InMemoryResponseCache(clock),
          keys,
          network,
          new FakeCertificateReader(),
          sealer,
          new GatewayIdentity(PeerName.parse("home.example"), URI.create("https://home.example")),
          clock);
  private final QueryService query =
      new QueryService(
          stores.users(),
          stores.resources(),
          stores.links(),
          health,
          network,
          new InMemoryResponseCache(clock),
          new FeatureHashingEmbedder(),
          new CursorCodec(new CursorKey(new byte[32])),
          ids,
          clock,
          QuerySettings.defaults());

  @Override
  public RunDoctorUseCase doctor() {
    throw new AssertionError("the CLI tests do not run the doctor");
  }

  @Override
  public DatabaseMigrator databaseMigrator() {
    throw new AssertionError("the CLI tests do not migrate");
  }

  @Override
  public FederationListener federationListener() {
    throw new AssertionError("the CLI tests do not serve");
  }

  @Override
  public LocalListener localListener() {
    throw new AssertionError("the CLI tests do not serve");
  }

  @Override
  public ManageUsersUseCase users() {
    return new ManageUsersService(
        stores.transactor(),
        stores.users(),
        stores.grants(),
        stores.sessionTokens(),
        revokeGrant,
        ids,
        clock);
  }

  @Override
  public IssueSessionTokenUseCase sessionTokens() {
    return new IssueSessionTokenService(stores.users(), stores.sessionTokens(), clock, random);
  }

  @Override
  public ManageTeamsUseCase teams() {
    return new ManageTeamsService(stores.users(), ids);
  }

  @Override
  public ImportDataUseCase dataImport() {
    return new ImportDataService(
        stores.transactor(), stores.users(), stores.resources(), ids, clock);
  }

  @Override
  public CreateGrantUseCase createGrant() {
    return new CreateGrantService(
        stores.transactor(),
        stores.users(),
        stores.peers(),
        stores.grants(),
        stores.audit(),
        ids,
        clock);
  }

  @Override
  public ListGrantsUseCase listGrants() {
    return grantQueries;
  }

  @Override
  public ShowGrantUseCase showGrant() {
    return grantQueries;
  }

  @Override
  public IssueEnrollmentTokenUseCase issueEnrollmentToken() {
    return new IssueEnrollmentTokenService(
        stores.transactor(),
        stores.grants(),
        stores.tokens(),
        ca,
        stores.audit(),
        ids,
        clock,
        random);
  }

  @Override
  public RevokeGrantUseCase revokeGrant() {
    return revokeGrant;
  }

  @Override
  public ChangeGrantScopeUseCase changeGrantScope() {
    return new ChangeGrantScopeService(
        stores.transactor(), stores.grants(), stores.audit(), ids, clock);
  }

  @Override
  public AddLinkUseCase addLink() {
    return new AddLinkService(
        stores.users(),
        stores.links(),
        keys,
        network,
        new FakeCertificateReader(),
        sealer,
        new GatewayIdentity(PeerName.parse("home.example"), URI.create("https://home.example")),
        ids,
        clock);
  }

  @Override
  public ListLinksUseCase listLinks() {
    return new ListLinksService(stores.users(), stores.links());
  }

  @Override
  public RemoveLinkUseCase removeLink() {
    return new RemoveLinkService(
        stores.transactor(),
        stores.users(),
        stores.links(),
        health,
        new InMemoryResponseCache(clock));
  }

  @Override
  public QueryUseCase query() {
    return query;
  }

  @Override
  public RenewLinkService renewLink() {
    return renewLink;
  }

  @Override
  public FederationStatusUseCase federationStatus() {
    return new FederationStatusService(
        stores.users(), stores.links(), health, new RenewalSettings(Duration.ofDays(7)), clock);
  }

  @Override
  public RenewalScheduler renewalScheduler() {
    return new RenewalScheduler(
        stores.links(), renewLink, new RenewalSettings(Duration.ofDays(7)), clock, random);
  }

  @Override
  public ReadAuditUseCase readAudit() {
    return new AuditService(stores.audit(), clock);
  }

  @Override
  public ArchiveAuditUseCase archiveAudit() {
    return new AuditService(stores.audit(), clock);
  }

  @Override
  public UserDirectory userDirectory() {
    return stores.users();
  }

  @Override
  public void close() {
    closeCount++;
  }

  /** What one {@code mosaic} invocation printed and returned. */
  record Run(int code, String out, String err) {}

  /** Runs {@code mosaic args… --config config} in-process against this gateway. */
  Run run(Path config, String... args) {
    String[] withConfig = new String[args.length + 2];
    System.arraycopy(args, 0, withConfig, 0, args.length);
    withConfig[args.length] = "--config";
    withConfig[args.length + 1] = config.toString();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            withConfig,
            new CliContext(Map.of(), new PrintWriter(out), new PrintWriter(err), c -> this));
    return new Run(code, out.toString(), err.toString());
  }
}
