package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.application.port.out.TransportFailure;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A simulated network of peer gateways. Each gateway has a CA root pin and handlers per {@code
 * "METHOD /path"}; a call whose pin differs fails as {@link TransportFailure#SERVER_UNTRUSTED}, a
 * call to an offline or unknown gateway as {@link TransportFailure#CONNECT}, an unrouted path
 * answers 404.
 */
public final class InMemoryPeerTransport implements PeerTransport {
  /** A request as the peer received it. */
  public record Received(URI gateway, Optional<Link> link, PeerRequest request) {}

  private final Map<URI, CertificateFingerprint> pins = new HashMap<>();
  private final Map<String, Function<PeerRequest, PeerReply>> routes = new HashMap<>();
  private final Set<URI> offline = new HashSet<>();
  private final List<Received> received = new ArrayList<>();

  /** A gateway at {@code gatewayUrl} whose CA root has fingerprint {@code caRootPin}. */
  public synchronized void addGateway(URI gatewayUrl, CertificateFingerprint caRootPin) {
    pins.put(gatewayUrl, caRootPin);
  }

  /** The gateway answers {@code METHOD path} with {@code handler}. */
  public synchronized void route(
      URI gatewayUrl, String method, String path, Function<PeerRequest, PeerReply> handler) {
    routes.put(key(gatewayUrl, method, path), handler);
  }

  /** The gateway answers {@code METHOD path} always with {@code status} and {@code body}. */
  public void answer(URI gatewayUrl, String method, String path, int status, Object body) {
    route(
        gatewayUrl,
        method,
        path,
        request ->
            new PeerReply.Answered(status, Map.of("content-type", "application/json"), body));
  }

  public synchronized void setOffline(URI gatewayUrl, boolean isOffline) {
    if (isOffline) {
      offline.add(gatewayUrl);
    } else {
      offline.remove(gatewayUrl);
    }
  }

  /** Every request that reached a gateway, oldest first. */
  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public PeerReply send(Link link, PeerRequest request) {
    return call(link.endpoint(), link.pinnedCaFingerprint(), Optional.of(link), request);
  }

  @Override
  public PeerReply sendAnonymous(
      URI gatewayUrl, CertificateFingerprint caRootPin, PeerRequest request) {
    return call(gatewayUrl, caRootPin, Optional.empty(), request);
  }

  private PeerReply call(
      URI gateway, CertificateFingerprint pin, Optional<Link> link, PeerRequest request) {
    Function<PeerRequest, PeerReply> handler;
    synchronized (this) {
      if (!pins.containsKey(gateway) || offline.contains(gateway)) {
        return new PeerReply.Failed(TransportFailure.CONNECT, "connection refused: " + gateway);
      }
      if (!pins.get(gateway).equals(pin)) {
        return new PeerReply.Failed(
            TransportFailure.SERVER_UNTRUSTED, "server chain does not end in the pinned root");
      }
      received.add(new Received(gateway, link, request));
      handler = routes.get(key(gateway, request.method(), request.path()));
    }
    if (handler == null) {
      return new PeerReply.Answered(
          404, Map.of(), Map.of("error", Map.of("code", "not_found", "message", "no route")));
    }
    return handler.apply(request);
  }

  private static String key(URI gateway, String method, String path) {
    return gateway + " " + method + " " + path;
  }
}
