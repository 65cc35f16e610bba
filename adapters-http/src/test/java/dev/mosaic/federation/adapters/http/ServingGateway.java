package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.fake.InMemoryRateLimiter;
import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.service.AuthorizeRequestService;
import dev.mosaic.federation.application.service.CursorCodec;
import dev.mosaic.federation.application.service.CursorKey;
import dev.mosaic.federation.application.service.ServeFederatedRequestService;
import dev.mosaic.federation.application.service.ServingDefaults;
import dev.mosaic.federation.domain.fixtures.GrantFixtures;
import dev.mosaic.federation.domain.fixtures.ItemFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.PinnedCertificate;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.scope.RateLimit;
import dev.mosaic.federation.domain.scope.Scope;
import dev.mosaic.federation.domain.user.Team;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.UUID;
import okhttp3.tls.HeldCertificate;

/**
 * A serving gateway B for the tests: the real federation listener in front of the application's
 * real {@link ServeFederatedRequestService} over in-memory stores, with grants whose certificates
 * the test PKI mints and B pins.
 */
final class ServingGateway implements AutoCloseable {
  final InMemoryStores stores = new InMemoryStores();
  final MutableInstantSource clock = new MutableInstantSource(Times.T0.plusSeconds(3600));
  final ServingDefaults defaults = new ServingDefaults(new RateLimit(6_000, 1_000));
  final Listener listener =
      new Listener(
          new ServeFederatedRequestService(
              new AuthorizeRequestService(
                  stores.grants(), stores.users(), new InMemoryRateLimiter(clock), clock, defaults),
              stores.resources(),
              stores.audit(),
              new CursorCodec(
                  new CursorKey(
                      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))),
              new SequentialIdGenerator(),
              clock,
              defaults));

  /** A grant on B and its pinned client certificate. */
  record Enrolled(Grant grant, HeldCertificate certificate) {}

  User user(String handle) {
    User user = User.of(new UserId(UUID.randomUUID()), handle);
    stores.users().addUser(user);
    return user;
  }

  TeamId team(String name, User... members) {
    TeamId id = new TeamId(UUID.randomUUID());
    stores.users().addTeam(new Team(id, name));
    for (User member : members) {
      stores.users().addMember(id, member.id());
    }
    return id;
  }

  ResourceItem add(ItemFixtures.Builder item) {
    ResourceItem built = item.build();
    stores.resources().insert(built);
    return built;
  }

  /** An active grant for {@code subject} and a certificate with its extensions, pinned. */
  Enrolled enroll(User subject, Scope scope) {
    GrantId id = new GrantId(UUID.randomUUID());
    HeldCertificate certificate =
        listener.pki.grantClient("home.example", id.toString(), subject.id().toString());
    Grant grant =
        GrantFixtures.anActiveGrant()
            .withId(id)
            .forSubject(subject.id())
            .withScope(scope)
            .pinned(pin(certificate))
            .build();
    stores.grants().insert(grant);
    return new Enrolled(grant, certificate);
  }

  static CertificateFingerprint fingerprint(HeldCertificate certificate) {
    try {
      return CertificateFingerprint.of(certificate.certificate().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Pinned until 30 days after the grants' creation, on B's (injected) clock. */
  private static PinnedCertificate pin(HeldCertificate certificate) {
    return new PinnedCertificate(
        fingerprint(certificate),
        certificate.certificate().getSerialNumber(),
        Times.T0.plus(Duration.ofDays(30)));
  }

  @Override
  public void close() {
    listener.close();
  }
}
