package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.RevokedCertificateRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RevokedCertificateRepository}: entries are read back and never duplicated. */
public abstract class RevokedCertificateRepositoryContract {
  protected RevokedCertificateRepository revoked;
  private ServingSeeds seeds;

  protected abstract RevokedCertificateRepository createRevokedCertificateRepository();

  protected abstract GrantRepository grantRepository();

  protected abstract PeerRepository peerRepository();

  protected abstract UserDirectory userDirectory();

  @BeforeEach
  void setUpRevokedCertificateRepositoryContract() {
    revoked = createRevokedCertificateRepository();
    seeds = new ServingSeeds(userDirectory(), peerRepository(), grantRepository());
  }

  private RevokedCertificate anEntry() {
    Grant grant = seeds.storedActiveGrant();
    return RevokedCertificate.of(
        grant.pinnedCertificates().all().getFirst(), grant.id(), Times.T0, "revoked by operator");
  }

  @Test
  void add_entry_isListedEqual() {
    RevokedCertificate entry = anEntry();

    revoked.add(entry);

    assertThat(revoked.findAll()).contains(entry);
  }

  @Test
  void findAll_neverListsAnUnknownFingerprint() {
    revoked.add(anEntry());

    assertThat(revoked.findAll())
        .extracting(RevokedCertificate::fingerprint)
        .doesNotContain(CertificateFixtures.aFingerprint());
  }

  @Test
  void add_sameFingerprintTwice_keepsOneEntry() {
    RevokedCertificate entry = anEntry();

    revoked.add(entry);
    revoked.add(entry);

    assertThat(revoked.findAll())
        .filteredOn(e -> e.fingerprint().equals(entry.fingerprint()))
        .hasSize(1);
  }
}
