package dev.mosaic.federation.acceptance;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Takes apart the enrollment URL {@code mosaic federation grant token} prints. */
record EnrollmentUrls(URI endpoint, String token, String pinHex) {

  static EnrollmentUrls parse(String url) {
    URI uri = URI.create(url.strip());
    Map<String, String> fragment = new HashMap<>();
    for (String part : uri.getRawFragment().split("&")) {
      int eq = part.indexOf('=');
      fragment.put(part.substring(0, eq), part.substring(eq + 1));
    }
    String pin = fragment.get("pin");
    return new EnrollmentUrls(
        URI.create(url.strip().substring(0, url.strip().indexOf('#'))),
        fragment.get("token"),
        pin.substring("sha256:".length()));
  }

  /** The same URL with another pin. */
  String withPin(String hex) {
    return endpoint + "#token=" + token + "&pin=sha256:" + hex;
  }

  /** The same URL with another authority ({@code host:port}). */
  String withAuthority(String authority) {
    return "https://"
        + authority
        + endpoint.getRawPath()
        + "#token="
        + token
        + "&pin=sha256:"
        + pinHex;
  }

  String format() {
    return endpoint + "#token=" + token + "&pin=sha256:" + pinHex;
  }
}
