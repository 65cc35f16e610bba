package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.PeerTransportContract;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.LinkFixtures;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

class InMemoryPeerTransportTest extends PeerTransportContract {
  @Override
  protected StubPeer createStubPeer() {
    InMemoryPeerTransport transport = new InMemoryPeerTransport();
    URI url = URI.create("https://work.example:8443");
    CertificateFingerprint pin = CertificateFixtures.aFingerprint();
    transport.addGateway(url, pin);
    return new StubPeer() {
      @Override
      public PeerTransport transport() {
        return transport;
      }

      @Override
      public URI gatewayUrl() {
        return url;
      }

      @Override
      public CertificateFingerprint caRootPin() {
        return pin;
      }

      @Override
      public Link aLink() {
        Link template = LinkFixtures.aLink().atEndpoint(url).build();
        return Link.rehydrate(
            template.id(),
            template.localUserId(),
            template.peerName(),
            url,
            template.grantId(),
            template.remoteSubjectUserId(),
            pin,
            template.certificate(),
            template.state(),
            template.stateReason(),
            template.createdAt(),
            template.updatedAt());
      }

      @Override
      public void answer(String method, String path, int status, Map<String, Object> body) {
        transport.answer(url, method, path, status, body);
      }

      @Override
      public Optional<PeerRequest> lastRequest() {
        var received = transport.received();
        return received.isEmpty() ? Optional.empty() : Optional.of(received.getLast().request());
      }

      @Override
      public void goOffline() {
        transport.setOffline(url, true);
      }

      @Override
      public void close() {}
    };
  }
}
