package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.fake.InMemoryRateLimiter;
import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.port.in.CertificateIdentity;
import dev.mosaic.federation.application.port.in.FederatedRequestContext;
import dev.mosaic.federation.application.port.in.ServeGetCommand;
import dev.mosaic.federation.application.port.in.ServeListCommand;
import dev.mosaic.federation.application.port.out.ResourceStore;
import dev.mosaic.federation.domain.audit.RequestId;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.GrantFixtures;
import dev.mosaic.federation.domain.fixtures.ItemFixtures;
import dev.mosaic.federation.domain.fixtures.ScopeFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.pki.PinnedCertificate;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.scope.RateLimit;
import dev.mosaic.federation.domain.scope.Scope;
import dev.mosaic.federation.domain.user.Team;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The serving gateway B of the tests: employees E1 and E2, teams T1 and T2 (both have E1; E2 is in
 * T2), a team T3 without E1, an outsider O; a grant per employee, each with its own pinned
 * certificate.
 */
final class ServingWorld {
  static final CursorKey KEY =
      new CursorKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

  final InMemoryStores stores = new InMemoryStores();
  final MutableInstantSource clock = new MutableInstantSource(Times.T0.plusSeconds(3600));
  final SequentialIdGenerator ids = new SequentialIdGenerator();
  final InMemoryRateLimiter rateLimiter = new InMemoryRateLimiter(clock);
  final CursorCodec cursors = new CursorCodec(KEY);
  final ServingDefaults defaults = new ServingDefaults(new RateLimit(600, 100));

  final User e1 = User.of(new UserId(UUID.randomUUID()), "e1");
  final User e2 = User.of(new UserId(UUID.randomUUID()), "e2");
  final User outsider = User.of(new UserId(UUID.randomUUID()), "outsider");
  final TeamId t1 = new TeamId(UUID.randomUUID());
  final TeamId t2 = new TeamId(UUID.randomUUID());
  final TeamId t3 = new TeamId(UUID.randomUUID());

  ServingWorld() {
    stores.users().addUser(e1);
    stores.users().addUser(e2);
    stores.users().addUser(outsider);
    stores.users().addTeam(new Team(t1, "t1"));
    stores.users().addTeam(new Team(t2, "t2"));
    stores.users().addTeam(new Team(t3, "t3"));
    stores.users().addMember(t1, e1.id());
    stores.users().addMember(t2, e1.id());
    stores.users().addMember(t2, e2.id());
    stores.users().addMember(t3, e2.id());
    stores.users().addMember(t3, outsider.id());
  }

  ServeFederatedRequestService service() {
    return service(stores.resources());
  }

  ServeFederatedRequestService service(ResourceStore store) {
    return new ServeFederatedRequestService(
        new AuthorizeRequestService(stores.grants(), stores.users(), rateLimiter, clock, defaults),
        store,
        stores.audit(),
        cursors,
        ids,
        clock,
        defaults);
  }

  /** An active grant for {@code subject} with {@code scope}, and the certificate pinned for it. */
  Granted grant(User subject, Scope scope) {
    PinnedCertificate pin = CertificateFixtures.aPin();
    Grant grant =
        GrantFixtures.anActiveGrant().forSubject(subject.id()).withScope(scope).pinned(pin).build();
    stores.grants().insert(grant);
    return new Granted(grant, pin);
  }

  Granted grant(User subject) {
    return grant(subject, ScopeFixtures.aScope().build());
  }

  ResourceItem add(ItemFixtures.Builder item) {
    ResourceItem built = item.build();
    stores.resources().insert(built);
    return built;
  }

  /** A grant and its certificate. */
  record Granted(Grant grant, PinnedCertificate pin) {
    CertificateIdentity identity() {
      return new CertificateIdentity(
          Optional.of(grant.id().toString()),
          Optional.of(grant.subjectUserId().toString()),
          pin.fingerprint());
    }

    FederatedRequestContext context() {
      return new FederatedRequestContext(
          identity(),
          RequestId.of(UUID.randomUUID()),
          Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    ServeListCommand list(String resource) {
      return new ServeListCommand(
          context(), resource, OptionalLong.empty(), Optional.empty(), Optional.empty());
    }

    ServeListCommand list(String resource, long limit) {
      return new ServeListCommand(
          context(), resource, OptionalLong.of(limit), Optional.empty(), Optional.empty());
    }

    ServeListCommand list(String resource, OptionalLong limit, Optional<String> cursor) {
      return new ServeListCommand(context(), resource, limit, cursor, Optional.empty());
    }

    ServeGetCommand get(String resource, String id) {
      return new ServeGetCommand(context(), resource, id);
    }
  }
}
