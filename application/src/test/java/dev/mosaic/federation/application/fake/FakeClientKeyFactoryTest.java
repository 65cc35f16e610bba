package dev.mosaic.federation.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.ClientKeyMaterial;
import dev.mosaic.federation.application.port.out.CsrVerification;
import dev.mosaic.federation.domain.peer.PeerName;
import org.junit.jupiter.api.Test;

class FakeClientKeyFactoryTest {
  private final FakeClientKeyFactory factory = new FakeClientKeyFactory();

  @Test
  void generate_givesAFreshKeyWhoseCsrTheVerifierAccepts() {
    ClientKeyMaterial first = factory.generate(PeerName.parse("home.example"));
    ClientKeyMaterial second = factory.generate(PeerName.parse("home.example"));

    assertThat(first.publicKey()).isNotEqualTo(second.publicKey());
    assertThat(new FakeCsrVerifier().verify(first.csr()))
        .isEqualTo(new CsrVerification.Accepted(first.publicKey()));
    assertThat(first.toString()).doesNotContain(new String(first.privateKeyPkcs8()));
    assertThat(factory.generated()).hasSize(2);
  }
}
