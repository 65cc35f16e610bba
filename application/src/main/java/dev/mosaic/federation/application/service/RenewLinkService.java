package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.LinkView;
import dev.mosaic.federation.application.port.in.RenewLinkCommand;
import dev.mosaic.federation.application.port.in.RenewLinkResult;
import dev.mosaic.federation.application.port.in.RenewLinkUseCase;
import dev.mosaic.federation.application.port.out.CertificateReader;
import dev.mosaic.federation.application.port.out.CertificateReading;
import dev.mosaic.federation.application.port.out.ClientKeyFactory;
import dev.mosaic.federation.application.port.out.ClientKeyMaterial;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.application.port.out.LinkHealthRepository;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.application.port.out.ResponseCache;
import dev.mosaic.federation.application.port.out.Transactor;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkCertificate;
import dev.mosaic.federation.domain.link.LinkId;
import dev.mosaic.federation.domain.link.LinkState;
import dev.mosaic.federation.domain.link.LinkTransition;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.SealedSecret;
import dev.mosaic.federation.domain.user.User;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link RenewLinkUseCase}. The new key is generated here and never leaves this gateway; the CSR
 * travels over the link's current mutual-TLS identity. The new certificate is stored under the
 * link's row lock: of two renewals that ran at once (this gateway and a {@code federation renew} in
 * another process), the certificate the peer issued last — its current pin — is the one kept,
 * whichever answer arrived first (see {@link #replaces}). One renewal per link at a time in this
 * process.
 */
public class RenewLinkService implements RenewLinkUseCase {
  static final String RENEW_PATH = "/api/federation/v1/renew";
  private static final int MAX_REASON = 200;

  private final Transactor transactor;
  private final UserDirectory users;
  private final LinkRepository links;
  private final LinkHealthRepository health;
  private final ResponseCache cache;
  private final ClientKeyFactory keyFactory;
  private final PeerTransport transport;
  private final CertificateReader certificateReader;
  private final KeySealer sealer;
  private final GatewayIdentity identity;
  private final InstantSource clock;
  private final LinkRevocation revocation;
  private final Map<LinkId, ReentrantLock> inProgress = new ConcurrentHashMap<>();

  @Inject
  public RenewLinkService(
      Transactor transactor,
      UserDirectory users,
      LinkRepository links,
      LinkHealthRepository health,
      ResponseCache cache,
      ClientKeyFactory keyFactory,
      PeerTransport transport,
      CertificateReader certificateReader,
      KeySealer sealer,
      GatewayIdentity identity,
      InstantSource clock) {
    this.transactor = transactor;
    this.users = users;
    this.links = links;
    this.health = health;
    this.cache = cache;
    this.keyFactory = keyFactory;
    this.transport = transport;
    this.certificateReader = certificateReader;
    this.sealer = sealer;
    this.identity = identity;
    this.clock = clock;
    this.revocation = new LinkRevocation(links, health, cache, clock);
  }

  @Override
  public RenewLinkResult renew(RenewLinkCommand command) {
    String nameText = command.peerName().strip();
    Optional<PeerName> name = PeerName.tryParse(nameText);
    if (command.localUser().isPresent()) {
      Optional<User> owner = users.findUserByHandle(command.localUser().get().strip());
      if (owner.isEmpty()) {
        return new RenewLinkResult.UnknownLocalUser(command.localUser().get());
      }
      Optional<Link> link = name.flatMap(n -> links.findByOwnerAndPeerName(owner.get().id(), n));
      return link.isEmpty() ? new RenewLinkResult.NotFound(nameText) : renew(link.get().id());
    }
    List<Link> named =
        name.isEmpty()
            ? List.of()
            : links.findAll().stream().filter(l -> l.peerName().equals(name.get())).toList();
    if (named.isEmpty()) {
      return new RenewLinkResult.NotFound(nameText);
    }
    if (named.size() > 1) {
      List<String> owners = new ArrayList<>();
      named.forEach(l -> owners.add(handle(l)));
      owners.sort(null);
      return new RenewLinkResult.Ambiguous(nameText, owners);
    }
    return renew(named.getFirst().id());
  }

  @Override
  public RenewLinkResult renew(LinkId id) {
    ReentrantLock lock = inProgress.computeIfAbsent(id, k -> new ReentrantLock());
    lock.lock();
    try {
      Optional<Link> found = links.findById(id);
      if (found.isEmpty()) {
        return new RenewLinkResult.NotFound(id.toString());
      }
      Link link = found.get();
      if (link.state() == LinkState.REVOKED) {
        return new RenewLinkResult.Revoked(view(link), false);
      }
      return renewNow(link);
    } finally {
      lock.unlock();
    }
  }

  private RenewLinkResult renewNow(Link link) {
    if (!clock.instant().isBefore(link.certificate().notAfter())) {
      return degraded(
          link,
          "the certificate expired at "
              + link.certificate().notAfter()
              + "; re-enroll with a new token from the peer's operator");
    }
    ClientKeyMaterial key = keyFactory.generate(identity.name());
    PeerReply reply;
    try {
      reply = transport.send(link, PeerRequest.post(RENEW_PATH, Map.of("csr", key.csr().pem())));
    } catch (InfrastructureException e) {
      return degraded(link, "local failure: " + e.getMessage());
    }
    return switch (reply) {
      case PeerReply.Failed failed ->
          switch (failed.failure()) {
            case CERTIFICATE_REVOKED ->
                revoked(link, "the peer refused the certificate as revoked during renewal");
            case CONNECT, TIMEOUT -> degraded(link, "unreachable: " + failed.detail());
            case SERVER_UNTRUSTED -> degraded(link, "untrusted server: " + failed.detail());
            case HANDSHAKE -> degraded(link, "tls: " + failed.detail());
          };
      case PeerReply.Answered answered when answered.statusCode() == 200 ->
          store(link, key, answered.body());
      case PeerReply.Answered answered
          when answered.statusCode() == 403 && "grant_revoked".equals(errorCode(answered)) ->
          revoked(link, "the peer answered grant_revoked to a renewal");
      case PeerReply.Answered answered -> degraded(link, refusal(answered));
    };
  }

  private RenewLinkResult store(Link link, ClientKeyMaterial key, Object body) {
    if (!(body instanceof Map<?, ?> answer)
        || !(answer.get("certificate") instanceof String certificatePem)) {
      return degraded(link, "unacceptable answer: no certificate");
    }
    Optional<List<String>> chain = IssuedCertificateCheck.chain(answer.get("chain"));
    if (chain.isEmpty()) {
      return degraded(link, "unacceptable answer: the chain is not a list of PEM certificates");
    }
    Instant now = Times.now(clock);
    CertificateReading.Read certificate;
    switch (IssuedCertificateCheck.check(
        certificateReader,
        certificatePem,
        key,
        link.grantId(),
        Optional.of(link.remoteSubjectUserId()),
        now)) {
      case IssuedCertificateCheck.Outcome.Rejected rejected -> {
        return degraded(link, "unacceptable certificate: " + rejected.reason());
      }
      case IssuedCertificateCheck.Outcome.Accepted accepted -> certificate = accepted.certificate();
    }
    byte[] privateKey = key.privateKeyPkcs8();
    SealedSecret sealed;
    try {
      sealed = sealer.seal(privateKey);
    } finally {
      Arrays.fill(privateKey, (byte) 0);
    }
    LinkCertificate renewed =
        new LinkCertificate(
            certificatePem, chain.get(), certificate.fingerprint(), certificate.notAfter(), sealed);
    Optional<Link> stored =
        transactor.inTransaction(
            () -> {
              Optional<Link> current = links.findByIdForUpdate(link.id());
              if (current.isEmpty() || !replaces(current.get().certificate(), link, renewed)) {
                return Optional.<Link>empty();
              }
              if (current.get().replaceCertificate(renewed, now)
                  instanceof LinkTransition.Applied applied) {
                links.update(applied.link());
                return Optional.of(applied.link());
              }
              return Optional.<Link>empty();
            });
    if (stored.isEmpty()) {
      Link current = links.findById(link.id()).orElse(link);
      if (current.state() == LinkState.REVOKED) {
        return new RenewLinkResult.Revoked(view(current), false);
      }
      return new RenewLinkResult.Failed(
          view(current),
          "a certificate expiring no earlier was stored meanwhile (another renewal), or the link was removed");
    }
    quietly(() -> cache.flush(link.id()));
    quietly(() -> health.recordSuccess(link.id(), now, Optional.empty()));
    return new RenewLinkResult.Renewed(view(stored.get()));
  }

  private RenewLinkResult revoked(Link link, String reason) {
    revocation.revoke(link, reason);
    return new RenewLinkResult.Revoked(view(links.findById(link.id()).orElse(link)), true);
  }

  private RenewLinkResult degraded(Link link, String why) {
    String reason = truncate("renewal failed: " + why);
    Instant now = Times.now(clock);
    Link current = link;
    try {
      Optional<Link> fresh = links.findById(link.id());
      if (fresh.isPresent()
          && fresh.get().degrade(reason, now) instanceof LinkTransition.Applied applied) {
        links.update(applied.link());
        current = applied.link();
      }
    } catch (InfrastructureException e) {
      // recorded below if the store allows; the result still says what happened
    }
    quietly(() -> health.recordFailure(link.id(), now, reason));
    return new RenewLinkResult.Failed(view(current), reason);
  }

  private LinkView view(Link link) {
    return LinkView.of(link, handle(link));
  }

  private String handle(Link link) {
    return users.findUserById(link.localUserId()).map(User::handle).orElse("?");
  }

  /** {@code code (HTTP n): message} of a refusal, or {@code HTTP n}. */
  private static String refusal(PeerReply.Answered answered) {
    String code = errorCode(answered);
    String message =
        answered.body() instanceof Map<?, ?> body
                && body.get("error") instanceof Map<?, ?> error
                && error.get("message") instanceof String m
            ? ": " + m
            : "";
    return "refused: "
        + (code.isEmpty() ? "" : code + " ")
        + "(HTTP "
        + answered.statusCode()
        + ")"
        + message;
  }

  private static String errorCode(PeerReply.Answered answered) {
    return answered.body() instanceof Map<?, ?> body
            && body.get("error") instanceof Map<?, ?> error
            && error.get("code") instanceof String code
        ? code
        : "";
  }

  /**
   * Whether {@code renewed} should replace {@code held}: it always does when the link still holds
   * the certificate the renewal presented; when another renewal stored its certificate meanwhile,
   * only if {@code renewed} expires later (the peer issued it last, so it is the peer's current
   * pin).
   */
  private static boolean replaces(LinkCertificate held, Link presented, LinkCertificate renewed) {
    return held.fingerprint().equals(presented.certificate().fingerprint())
        || held.notAfter().isBefore(renewed.notAfter());
  }

  private static String truncate(String text) {
    return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
  }

  private static void quietly(Runnable write) {
    try {
      write.run();
    } catch (InfrastructureException e) {
      // status bookkeeping only
    }
  }
}
