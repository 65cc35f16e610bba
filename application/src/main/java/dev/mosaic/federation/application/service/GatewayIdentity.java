package dev.mosaic.federation.application.service;

import dev.mosaic.federation.domain.peer.PeerName;
import java.net.URI;
import java.util.Objects;

/**
 * This gateway's own identity ({@code gateway.name}, {@code federation.publicUrl}).
 *
 * @param name the name other gateways know this one by; the CN of the CSRs it sends
 * @param publicUrl the base URL peers reach this gateway's federation listener at
 */
public record GatewayIdentity(PeerName name, URI publicUrl) {
  public GatewayIdentity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(publicUrl, "publicUrl");
  }
}
