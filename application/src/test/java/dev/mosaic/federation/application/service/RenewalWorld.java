package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.fake.FakeCertificateReader;
import dev.mosaic.federation.application.fake.FakeClientKeyFactory;
import dev.mosaic.federation.application.fake.InMemoryCertificateAuthority;
import dev.mosaic.federation.application.fake.InMemoryKeySealer;
import dev.mosaic.federation.application.fake.InMemoryLinkHealthRepository;
import dev.mosaic.federation.application.fake.InMemoryResponseCache;
import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.port.in.QueryCommand;
import dev.mosaic.federation.application.port.in.QueryResult;
import dev.mosaic.federation.application.port.out.ClientKeyMaterial;
import dev.mosaic.federation.application.port.out.IssuedCertificate;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkCertificate;
import dev.mosaic.federation.domain.link.LinkId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * Home gateway A with one link of user {@code al} to {@link PinningPeer} B, whose CA issues
 * certificates of {@code lifetime}; A's renewal and query services on in-memory stores.
 */
final class RenewalWorld {
  static final URI WORK = URI.create("https://work.example:8443");

  final MutableInstantSource clock = new MutableInstantSource(Times.T0);
  final InMemoryStores home = new InMemoryStores();
  final InMemoryLinkHealthRepository health = new InMemoryLinkHealthRepository();
  final InMemoryResponseCache cache = new InMemoryResponseCache(clock);
  final FakeClientKeyFactory keys = new FakeClientKeyFactory();
  final InMemoryKeySealer sealer = new InMemoryKeySealer();
  final InMemoryCertificateAuthority ca;
  final User owner = User.of(new UserId(UUID.randomUUID()), "al");
  final GrantId grant = new GrantId(UUID.randomUUID());
  final UserId subject = new UserId(UUID.randomUUID());
  final PinningPeer work;
  final RenewLinkService renewal;
  final QueryService queries;
  final LinkId linkId = new LinkId(UUID.randomUUID());

  RenewalWorld(Duration lifetime) {
    ca = new InMemoryCertificateAuthority(clock, lifetime);
    work = new PinningPeer(clock, ca, grant, subject);
    home.users().addUser(owner);
    GatewayIdentity identity =
        new GatewayIdentity(PeerName.parse("home.example"), URI.create("https://home.example"));
    renewal =
        new RenewLinkService(
            home.transactor(),
            home.users(),
            home.links(),
            health,
            cache,
            keys,
            work,
            new FakeCertificateReader(),
            sealer,
            identity,
            clock);
    queries =
        new QueryService(
            home.users(),
            home.resources(),
            home.links(),
            health,
            work,
            cache,
            new FeatureHashingEmbedder(),
            new CursorCodec(ServingWorld.KEY),
            new SequentialIdGenerator(),
            clock,
            new QuerySettings(Duration.ofSeconds(2), Duration.ZERO));
    ClientKeyMaterial key = keys.generate(identity.name());
    IssuedCertificate first = work.enroll(key.csr());
    home.links()
        .insert(
            Link.create(
                linkId,
                owner.id(),
                PeerName.parse("work.example"),
                WORK,
                grant,
                subject,
                ca.rootFingerprint(),
                new LinkCertificate(
                    first.pem(),
                    first.chainPem(),
                    first.fingerprint(),
                    first.notAfter(),
                    sealer.seal(key.privateKeyPkcs8())),
                clock.instant()));
  }

  Link link() {
    return home.links().findById(linkId).orElseThrow();
  }

  /** One federated query of the link's owner; true when B answered it. */
  boolean querySucceeds() {
    QueryResult result =
        queries.query(QueryCommand.list(owner.id(), "s", "federated:work.example", "tasks"));
    return result instanceof QueryResult.Answered answered && !answered.partial();
  }
}
