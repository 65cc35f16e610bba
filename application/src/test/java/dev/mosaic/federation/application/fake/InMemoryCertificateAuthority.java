package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.IssuedCertificate;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CertificateAuthority} issuing {@link FakePki} certificates for {@link FakePki} CSRs.
 * {@link #failWith} makes later calls throw (a CA outage).
 */
public final class InMemoryCertificateAuthority implements CertificateAuthority {
  private static final String ROOT =
      "-----BEGIN FAKE CERTIFICATE-----\nserial=1\ncn=Fake Root\nca=true\n"
          + "key=00000000000000000000000000000000000000000000000000000000000000aa\n"
          + "notAfter=2100-01-01T00:00:00Z\n-----END FAKE CERTIFICATE-----\n";

  private final InstantSource clock;
  private final Duration lifetime;
  private final List<IssuedCertificate> issued = new ArrayList<>();
  private final List<RevokedCertificate> revoked = new ArrayList<>();
  private BigInteger nextSerial = BigInteger.valueOf(1000);
  private InfrastructureException failure;

  public InMemoryCertificateAuthority(InstantSource clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
  }

  @Override
  public synchronized IssuedCertificate issueClientCertificate(ClientCertificateRequest request) {
    throwIfFailing();
    Map<String, String> csr =
        FakePki.csrFields(request.csr())
            .orElseThrow(() -> new InfrastructureException("the CA refused the CSR", false));
    BigInteger serial = nextSerial;
    nextSerial = nextSerial.add(BigInteger.ONE);
    Instant notAfter = clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("serial", serial.toString());
    fields.put("cn", request.commonName().value());
    fields.put("grant", request.grantId().toString());
    fields.put("subject", request.subjectUserId().toString());
    fields.put("key", csr.get("key"));
    fields.put("eku", "clientAuth");
    fields.put("ca", "false");
    fields.put("notBefore", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    fields.put("notAfter", notAfter.toString());
    String pem = FakePki.certificate(fields);
    IssuedCertificate certificate =
        new IssuedCertificate(pem, List.of(), FakePki.fingerprint(pem), serial, notAfter);
    issued.add(certificate);
    return certificate;
  }

  @Override
  public synchronized void revoke(RevokedCertificate certificate) {
    throwIfFailing();
    if (revoked.stream().noneMatch(r -> r.fingerprint().equals(certificate.fingerprint()))) {
      revoked.add(certificate);
    }
  }

  @Override
  public String rootCertificatePem() {
    return ROOT;
  }

  @Override
  public CertificateFingerprint rootFingerprint() {
    return FakePki.fingerprint(ROOT);
  }

  @Override
  public synchronized Optional<byte[]> currentCrl() {
    throwIfFailing();
    StringBuilder crl = new StringBuilder("FAKE CRL\n");
    revoked.forEach(r -> crl.append(r.serialNumber()).append('\n'));
    return Optional.of(crl.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Every certificate issued so far. */
  public synchronized List<IssuedCertificate> issued() {
    return List.copyOf(issued);
  }

  /** Every certificate revoked at this CA so far. */
  public synchronized List<RevokedCertificate> revoked() {
    return List.copyOf(revoked);
  }

  /** Makes later issue/revoke/CRL calls throw {@code e}; {@code null} heals. */
  public synchronized void failWith(InfrastructureException e) {
    this.failure = e;
  }

  private void throwIfFailing() {
    if (failure != null) {
      throw failure;
    }
  }
}
