package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.AddLinkCommand;
import dev.mosaic.federation.application.port.in.AddLinkResult;
import dev.mosaic.federation.application.port.in.AddLinkUseCase;
import dev.mosaic.federation.application.port.in.LinkView;
import dev.mosaic.federation.application.port.out.CertificateReader;
import dev.mosaic.federation.application.port.out.CertificateReading;
import dev.mosaic.federation.application.port.out.ClientKeyFactory;
import dev.mosaic.federation.application.port.out.ClientKeyMaterial;
import dev.mosaic.federation.application.port.out.IdGenerator;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.application.port.out.TransportFailure;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.common.Uuids;
import dev.mosaic.federation.domain.enrollment.EnrollmentUrl;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkCertificate;
import dev.mosaic.federation.domain.link.LinkId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.SealedSecret;
import dev.mosaic.federation.domain.user.User;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link AddLinkUseCase}. Nothing is stored unless every check passed; the token leaves this
 * gateway only after the served CA root matched the pin, and only over a connection verified
 * against it.
 */
public class AddLinkService implements AddLinkUseCase {
  static final String CA_PATH = "/api/federation/ca";

  private final UserDirectory users;
  private final LinkRepository links;
  private final ClientKeyFactory keyFactory;
  private final PeerTransport transport;
  private final CertificateReader certificateReader;
  private final KeySealer sealer;
  private final GatewayIdentity identity;
  private final IdGenerator ids;
  private final InstantSource clock;

  @Inject
  public AddLinkService(
      UserDirectory users,
      LinkRepository links,
      ClientKeyFactory keyFactory,
      PeerTransport transport,
      CertificateReader certificateReader,
      KeySealer sealer,
      GatewayIdentity identity,
      IdGenerator ids,
      InstantSource clock) {
    this.users = users;
    this.links = links;
    this.keyFactory = keyFactory;
    this.transport = transport;
    this.certificateReader = certificateReader;
    this.sealer = sealer;
    this.identity = identity;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public AddLinkResult add(AddLinkCommand command) {
    Optional<EnrollmentUrl> parsed = EnrollmentUrl.parse(command.enrollmentUrl());
    if (parsed.isEmpty()) {
      return new AddLinkResult.InvalidUrl(
          "not an enrollment URL: expected https://<host>:<port>"
              + EnrollmentUrl.PATH
              + "#token=<token>&pin=sha256:<hex>");
    }
    EnrollmentUrl url = parsed.get();
    Optional<User> owner =
        users.findUserByHandle(command.localUser().strip()).filter(u -> !u.isDeleted());
    if (owner.isEmpty()) {
      return new AddLinkResult.UnknownLocalUser(command.localUser());
    }
    String nameText = command.name().orElse(url.gatewayUrl().getHost());
    Optional<String> nameProblem = PeerName.problemWith(normalize(nameText));
    if (nameProblem.isPresent()) {
      return new AddLinkResult.InvalidName(nameProblem.get());
    }
    PeerName name = PeerName.parse(nameText);
    if (links.findByOwnerAndPeerName(owner.get().id(), name).isPresent()) {
      return new AddLinkResult.DuplicateName(name);
    }
    URI gateway = url.gatewayUrl();
    Optional<AddLinkResult> rootProblem = checkServedRoot(url);
    if (rootProblem.isPresent()) {
      return rootProblem.get();
    }
    ClientKeyMaterial key = keyFactory.generate(identity.name());
    PeerReply reply =
        transport.sendAnonymous(
            gateway,
            url.caRootPin(),
            PeerRequest.post(
                EnrollmentUrl.PATH, Map.of("token", url.token().encode(), "csr", key.csr().pem())));
    return switch (reply) {
      case PeerReply.Failed failed -> transportFailure(url, failed);
      case PeerReply.Answered answered when answered.statusCode() == 200 ->
          store(url, owner.get(), name, key, answered.body());
      case PeerReply.Answered answered when answered.statusCode() == 404 ->
          new AddLinkResult.UnknownToken(gateway);
      case PeerReply.Answered answered when answered.statusCode() == 410 ->
          new AddLinkResult.TokenGone(gateway, errorMessage(answered));
      case PeerReply.Answered answered ->
          new AddLinkResult.Refused(gateway, answered.statusCode(), errorMessage(answered));
    };
  }

  /** Fetches the CA root over the pinned connection and compares its fingerprint with the pin. */
  private Optional<AddLinkResult> checkServedRoot(EnrollmentUrl url) {
    URI gateway = url.gatewayUrl();
    PeerReply reply = transport.sendAnonymous(gateway, url.caRootPin(), PeerRequest.get(CA_PATH));
    return switch (reply) {
      case PeerReply.Failed failed -> Optional.of(transportFailure(url, failed));
      case PeerReply.Answered answered when answered.statusCode() != 200 ->
          Optional.of(
              new AddLinkResult.Refused(gateway, answered.statusCode(), errorMessage(answered)));
      case PeerReply.Answered answered -> {
        if (!(answered.body() instanceof String pem)) {
          yield Optional.of(
              new AddLinkResult.InvalidCertificate(
                  gateway, "the gateway did not serve its CA root as PEM"));
        }
        yield switch (certificateReader.read(pem)) {
          case CertificateReading.Unreadable unreadable ->
              Optional.of(
                  new AddLinkResult.InvalidCertificate(
                      gateway, "the served CA root is unreadable: " + unreadable.reason()));
          case CertificateReading.Read root when !root.fingerprint().equals(url.caRootPin()) ->
              Optional.of(
                  new AddLinkResult.PinMismatch(gateway, url.caRootPin(), root.fingerprint()));
          case CertificateReading.Read root -> Optional.empty();
        };
      }
    };
  }

  private AddLinkResult store(
      EnrollmentUrl url, User owner, PeerName name, ClientKeyMaterial key, Object body) {
    URI gateway = url.gatewayUrl();
    if (!(body instanceof Map<?, ?> answer)) {
      return invalid(gateway, "the enrollment answer is not a JSON object");
    }
    if (!(answer.get("certificate") instanceof String certificatePem)) {
      return invalid(gateway, "the enrollment answer has no certificate");
    }
    Optional<List<String>> chain = IssuedCertificateCheck.chain(answer.get("chain"));
    if (chain.isEmpty()) {
      return invalid(gateway, "the enrollment answer's chain is not a list of PEM certificates");
    }
    Optional<UUID> grantUuid =
        answer.get("grantId") instanceof String text
            ? Uuids.tryParseCanonical(text)
            : Optional.empty();
    if (grantUuid.isEmpty()) {
      return invalid(gateway, "the enrollment answer has no valid grantId");
    }
    GrantId grantId = new GrantId(grantUuid.get());
    Instant now = Times.now(clock);
    CertificateReading.Read certificate;
    switch (IssuedCertificateCheck.check(
        certificateReader, certificatePem, key, grantId, Optional.empty(), now)) {
      case IssuedCertificateCheck.Outcome.Rejected rejected -> {
        return invalid(gateway, rejected.reason());
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
    Link link =
        Link.create(
            new LinkId(ids.newId()),
            owner.id(),
            name,
            gateway,
            grantId,
            certificate.subjectUserId().orElseThrow(),
            url.caRootPin(),
            new LinkCertificate(
                certificatePem,
                chain.get(),
                certificate.fingerprint(),
                certificate.notAfter(),
                sealed),
            now);
    if (links.insert(link) == InsertOutcome.DUPLICATE) {
      return new AddLinkResult.DuplicateName(name);
    }
    return new AddLinkResult.Added(LinkView.of(link, owner.handle()));
  }

  private static AddLinkResult transportFailure(EnrollmentUrl url, PeerReply.Failed failed) {
    return failed.failure() == TransportFailure.SERVER_UNTRUSTED
        ? new AddLinkResult.Untrusted(url.gatewayUrl(), url.caRootPin(), failed.detail())
        : new AddLinkResult.Unreachable(url.gatewayUrl(), failed.detail());
  }

  private static AddLinkResult invalid(URI gateway, String reason) {
    return new AddLinkResult.InvalidCertificate(gateway, reason);
  }

  /** The {@code error.message} of an error envelope, or a generic text. */
  private static String errorMessage(PeerReply.Answered answered) {
    if (answered.body() instanceof Map<?, ?> body
        && body.get("error") instanceof Map<?, ?> error
        && error.get("message") instanceof String message) {
      return message;
    }
    return "HTTP " + answered.statusCode();
  }

  private static String normalize(String name) {
    return name == null ? null : name.strip().toLowerCase(java.util.Locale.ROOT);
  }
}
