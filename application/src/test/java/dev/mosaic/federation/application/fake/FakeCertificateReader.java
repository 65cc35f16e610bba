package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.CertificateReader;
import dev.mosaic.federation.application.port.out.CertificateReading;
import dev.mosaic.federation.domain.common.Uuids;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import dev.mosaic.federation.domain.user.UserId;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CertificateReader} for {@link FakePki} certificates. Extensions that are not canonical
 * UUIDs read as absent, like the strict real reader.
 */
public final class FakeCertificateReader implements CertificateReader {
  @Override
  public CertificateReading read(String pem) {
    Optional<Map<String, String>> fields = FakePki.certificateFields(pem);
    if (fields.isEmpty()) {
      return new CertificateReading.Unreadable("not a PEM certificate");
    }
    Map<String, String> f = fields.get();
    try {
      return new CertificateReading.Read(
          FakePki.fingerprint(pem),
          new BigInteger(f.get("serial")),
          Instant.parse(f.getOrDefault("notBefore", Instant.EPOCH.toString())),
          Instant.parse(f.get("notAfter")),
          f.get("cn"),
          PublicKeyFingerprint.parse(f.get("key")),
          Optional.ofNullable(f.get("grant")).flatMap(Uuids::tryParseCanonical).map(GrantId::new),
          Optional.ofNullable(f.get("subject")).flatMap(Uuids::tryParseCanonical).map(UserId::new),
          "clientAuth".equals(f.get("eku")),
          Boolean.parseBoolean(f.get("ca")));
    } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
      return new CertificateReading.Unreadable("a required field is missing or malformed");
    }
  }
}
