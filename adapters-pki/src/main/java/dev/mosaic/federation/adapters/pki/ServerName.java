package dev.mosaic.federation.adapters.pki;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.util.IPAddress;

/**
 * B's public host name, the one subject alternative name of its server certificate: an IP address
 * when {@code federation.publicUrl} names an IP literal, else a DNS name.
 *
 * @param host the host as written in the URL, lower case, without IPv6 brackets
 * @param ipAddress the address when {@code host} is an IP literal
 */
record ServerName(String host, Optional<InetAddress> ipAddress) {

  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  /**
   * @throws IllegalArgumentException if the URL has no host
   */
  static ServerName of(URI publicUrl) {
    String host = publicUrl.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("federation.publicUrl: no host in " + publicUrl);
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (!IPAddress.isValid(host)) {
      return new ServerName(host, Optional.empty());
    }
    try {
      // a literal: no name lookup happens
      return new ServerName(host, Optional.of(InetAddress.getByName(host)));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("federation.publicUrl: bad IP address " + host, e);
    }
  }

  boolean isIpAddress() {
    return ipAddress.isPresent();
  }

  /** Whether the certificate's subject alternative names are exactly this one name. */
  boolean isOnlyNameOf(X509Certificate certificate) throws CertificateParsingException {
    var names = certificate.getSubjectAlternativeNames();
    return names != null && names.size() == 1 && matches(names.iterator().next(), false);
  }

  /**
   * Whether any subject alternative name of an operator's certificate covers this name: equal, or,
   * for a DNS name, a wildcard for its leftmost label.
   */
  boolean isCoveredBy(X509Certificate certificate) throws CertificateParsingException {
    var names = certificate.getSubjectAlternativeNames();
    return names != null && names.stream().anyMatch(name -> matches(name, true));
  }

  private boolean matches(List<?> san, boolean wildcard) {
    int type = (Integer) san.get(0);
    String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
    if (ipAddress.isPresent()) {
      return type == SAN_IP && sameAddress(value);
    }
    if (type != SAN_DNS) {
      return false;
    }
    if (value.equals(host)) {
      return true;
    }
    int dot = host.indexOf('.');
    return wildcard
        && value.startsWith("*.")
        && dot > 0
        && value.substring(1).equals(host.substring(dot));
  }

  private boolean sameAddress(String value) {
    try {
      return IPAddress.isValid(value) && InetAddress.getByName(value).equals(ipAddress.get());
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return (isIpAddress() ? "IP " : "DNS ") + host;
  }
}
