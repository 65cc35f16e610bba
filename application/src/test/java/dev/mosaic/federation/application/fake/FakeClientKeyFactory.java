package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.ClientKeyFactory;
import dev.mosaic.federation.application.port.out.ClientKeyMaterial;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ClientKeyFactory} producing {@link FakePki} CSRs: key {@code n} has the private key bytes
 * {@code "fake private key n"} and the public key SHA-256 of {@code "fake public key n"}. Remembers
 * what it generated.
 */
public final class FakeClientKeyFactory implements ClientKeyFactory {
  /** One generation: the requested CN and the material handed out. */
  public record Generated(PeerName commonName, ClientKeyMaterial material) {}

  private final List<Generated> generated = new ArrayList<>();

  @Override
  public synchronized ClientKeyMaterial generate(PeerName commonName) {
    int n = generated.size() + 1;
    PublicKeyFingerprint key =
        PublicKeyFingerprint.of(("fake public key " + n).getBytes(StandardCharsets.UTF_8));
    ClientKeyMaterial material =
        new ClientKeyMaterial(
            ("fake private key " + n).getBytes(StandardCharsets.UTF_8), FakePki.csr(key), key);
    generated.add(new Generated(commonName, material));
    return material;
  }

  /** Every generation so far, oldest first. */
  public synchronized List<Generated> generated() {
    return List.copyOf(generated);
  }
}
