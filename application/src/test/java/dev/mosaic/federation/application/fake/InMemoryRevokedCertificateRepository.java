package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.RevokedCertificateRepository;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link RevokedCertificateRepository} in a map, insertion ordered. */
public final class InMemoryRevokedCertificateRepository
    implements RevokedCertificateRepository, TransactionParticipant {
  private final Map<CertificateFingerprint, RevokedCertificate> entries = new LinkedHashMap<>();

  @Override
  public synchronized void add(RevokedCertificate certificate) {
    entries.putIfAbsent(certificate.fingerprint(), certificate);
  }

  @Override
  public synchronized List<RevokedCertificate> findAll() {
    return List.copyOf(entries.values());
  }

  @Override
  public synchronized Object snapshot() {
    return new LinkedHashMap<>(entries);
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized void restore(Object snapshot) {
    entries.clear();
    entries.putAll((Map<CertificateFingerprint, RevokedCertificate>) snapshot);
  }
}
