package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.fake.InMemoryCertificateAuthority;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.IssuedCertificate;
import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.application.port.out.TransportFailure;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.user.UserId;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.function.UnaryOperator;

/**
 * A simulated serving gateway B for one grant, as strict as the real one about the client
 * certificate: it must be pinned for the grant (at most two pins: the newest and the one that
 * renewed it) and within its validity on B's clock, else 403 {@code forbidden}. It answers {@code
 * list/tasks} and {@code renew} (SPEC §5.4); the CA, the network and the grant can be made to fail.
 */
final class PinningPeer implements PeerTransport {
  static final String LIST = "/api/federation/v1/list/tasks";

  private final InstantSource clock;
  private final InMemoryCertificateAuthority ca;
  private final GrantId grant;
  private final UserId subject;
  private final SequencedSet<CertificateFingerprint> pins = new LinkedHashSet<>();
  private final Map<CertificateFingerprint, IssuedCertificate> issued = new java.util.HashMap<>();
  private final List<String> refusedQueries = new ArrayList<>();
  private int renewals;
  private boolean offline;
  private boolean caDown;
  private boolean revoked;
  private UnaryOperator<PeerReply> renewAnswer = UnaryOperator.identity();

  PinningPeer(InstantSource clock, InMemoryCertificateAuthority ca, GrantId grant, UserId subject) {
    this.clock = clock;
    this.ca = ca;
    this.grant = grant;
    this.subject = subject;
  }

  /** Issues and pins a certificate as enrollment does (replacing the pinned set). */
  synchronized IssuedCertificate enroll(CertificateSigningRequest csr) {
    IssuedCertificate certificate = issue(csr);
    pins.clear();
    pins.add(certificate.fingerprint());
    return certificate;
  }

  synchronized void setOffline(boolean value) {
    offline = value;
  }

  synchronized void setCaDown(boolean value) {
    caDown = value;
  }

  synchronized void revoke() {
    revoked = true;
  }

  /** Rewrites the renewal answers (to send unacceptable certificates). */
  synchronized void rewriteRenewals(UnaryOperator<PeerReply> rewrite) {
    renewAnswer = rewrite;
  }

  synchronized List<CertificateFingerprint> pins() {
    return List.copyOf(pins);
  }

  synchronized int renewals() {
    return renewals;
  }

  synchronized List<String> refusedQueries() {
    return List.copyOf(refusedQueries);
  }

  @Override
  public PeerReply send(Link link, PeerRequest request) {
    synchronized (this) {
      if (offline) {
        return new PeerReply.Failed(TransportFailure.CONNECT, "connection refused");
      }
      CertificateFingerprint presented = link.certificate().fingerprint();
      IssuedCertificate certificate = issued.get(presented);
      if (certificate == null || !clock.instant().isBefore(certificate.notAfter())) {
        refusedQueries.add(request.path() + ": expired or unknown certificate");
        return new PeerReply.Failed(TransportFailure.HANDSHAKE, "certificate_expired");
      }
      if (revoked) {
        return error(403, "grant_revoked", "the grant has been revoked");
      }
      if (!pins.contains(presented)) {
        refusedQueries.add(request.path() + ": certificate not pinned");
        return error(403, "forbidden", "forbidden");
      }
      if (request.path().equals(LIST)) {
        return json(200, Map.of("items", List.of(Map.of("title", "from B"))));
      }
      if (!request.path().equals(RenewLinkService.RENEW_PATH)) {
        return error(404, "not_found", "no route");
      }
      if (caDown) {
        return error(503, "unavailable", "the certificate authority is unavailable");
      }
      String csr = (String) request.body().orElseThrow().get("csr");
      IssuedCertificate renewed = issue(new CertificateSigningRequest(csr));
      pins.clear();
      pins.add(presented);
      pins.add(renewed.fingerprint());
      renewals++;
      return renewAnswer.apply(
          json(200, Map.of("certificate", renewed.pem(), "chain", renewed.chainPem())));
    }
  }

  @Override
  public PeerReply sendAnonymous(URI gatewayUrl, CertificateFingerprint pin, PeerRequest request) {
    return new PeerReply.Failed(TransportFailure.CONNECT, "not used");
  }

  private IssuedCertificate issue(CertificateSigningRequest csr) {
    try {
      IssuedCertificate certificate =
          ca.issueClientCertificate(
              new ClientCertificateRequest(csr, PeerName.parse("home.example"), grant, subject));
      issued.put(certificate.fingerprint(), certificate);
      return certificate;
    } catch (InfrastructureException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PeerReply json(int status, Object body) {
    return new PeerReply.Answered(status, Map.of("content-type", "application/json"), body);
  }

  private static PeerReply error(int status, String code, String message) {
    return json(status, Map.of("error", Map.of("code", code, "message", message)));
  }
}
