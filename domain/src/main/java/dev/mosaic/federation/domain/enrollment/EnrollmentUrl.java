package dev.mosaic.federation.domain.enrollment;

import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code https://<host>:<port>/api/federation/enrollment#token=<token>&pin=sha256:<hex>}: the token
 * and the CA root pin travel in the fragment, which HTTP clients never send.
 *
 * @param enrollmentEndpoint the URL without fragment, ending in {@value #PATH}
 * @param token the raw token
 * @param caRootPin the SHA-256 fingerprint of the serving side's CA root
 */
public record EnrollmentUrl(
    URI enrollmentEndpoint, RawEnrollmentToken token, CertificateFingerprint caRootPin) {
  public static final String PATH = "/api/federation/enrollment";

  public EnrollmentUrl {
    Objects.requireNonNull(enrollmentEndpoint, "enrollmentEndpoint");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(caRootPin, "caRootPin");
    if (enrollmentEndpoint.getRawFragment() != null) {
      throw new IllegalArgumentException("the endpoint carries no fragment");
    }
  }

  /** The enrollment URL of a gateway whose public base URL is {@code publicUrl}. */
  public static EnrollmentUrl forGateway(
      URI publicUrl, RawEnrollmentToken token, CertificateFingerprint caRootPin) {
    String base = publicUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return new EnrollmentUrl(URI.create(base + PATH), token, caRootPin);
  }

  /** Parses an enrollment URL; empty with no details when it is malformed. */
  public static Optional<EnrollmentUrl> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text.strip());
      if (!"https".equalsIgnoreCase(uri.getScheme())
          || uri.getHost() == null
          || uri.getRawFragment() == null) {
        return Optional.empty();
      }
      Map<String, String> params = new HashMap<>();
      for (String part : uri.getRawFragment().split("&")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          params.put(part.substring(0, eq), part.substring(eq + 1));
        }
      }
      Optional<RawEnrollmentToken> token = RawEnrollmentToken.decode(params.get("token"));
      String pin = params.get("pin");
      if (token.isEmpty() || pin == null || !pin.startsWith("sha256:")) {
        return Optional.empty();
      }
      Optional<CertificateFingerprint> fingerprint = CertificateFingerprint.tryParse(pin);
      URI endpoint = new URI(uri.getScheme(), uri.getRawAuthority(), uri.getRawPath(), null, null);
      return fingerprint.map(f -> new EnrollmentUrl(endpoint, token.get(), f));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** The gateway's base URL: the endpoint without {@value #PATH}. */
  public URI gatewayUrl() {
    String s = enrollmentEndpoint.toString();
    return URI.create(s.endsWith(PATH) ? s.substring(0, s.length() - PATH.length()) : s);
  }

  /** The full URL with fragment. Contains the secret token: print it, never log it. */
  public String format() {
    return enrollmentEndpoint + "#token=" + token.encode() + "&pin=sha256:" + caRootPin.hex();
  }

  /** Never reveals the token. */
  @Override
  public String toString() {
    return "EnrollmentUrl[" + enrollmentEndpoint + ", pin " + caRootPin + "]";
  }
}
