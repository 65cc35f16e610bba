package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server only under one pinned CA root, which the client need not hold beforehand: the
 * server must present the root in its chain (B's listener does), the presented certificate whose
 * SHA-256 equals the pin must be self-signed, and the rest of the chain must validate under PKIX
 * with that root as the only trust anchor (signatures, validity against the real clock, CA
 * constraints, the JDK's disabled algorithms). The leaf's extended key usage must include
 * serverAuth, so no client certificate of the same CA can pose as the server. The host name is
 * checked by the HTTP client after the handshake, before any byte of the request is sent.
 */
final class PinnedRootTrustManager extends X509ExtendedTrustManager {
  static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  /** The server's chain is not trusted under the pin; the message is safe to show. */
  static final class UntrustedServerException extends CertificateException {
    private static final long serialVersionUID = 1L;

    UntrustedServerException(String message) {
      super(message);
    }
  }

  private final CertificateFingerprint pin;

  PinnedRootTrustManager(CertificateFingerprint pin) {
    this.pin = pin;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    verify(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    verify(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    verify(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("this trust manager verifies servers only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("this trust manager verifies servers only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("this trust manager verifies servers only");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }

  void verify(X509Certificate[] chain) throws UntrustedServerException {
    if (chain == null || chain.length == 0) {
      throw new UntrustedServerException("the server presented no certificate");
    }
    int rootIndex = indexOfPinnedRoot(chain);
    if (rootIndex < 0) {
      throw new UntrustedServerException(
          "the server's chain does not contain the pinned CA root sha256:" + pin.hex());
    }
    X509Certificate root = chain[rootIndex];
    if (!Pem.isSelfSigned(root)) {
      throw new UntrustedServerException(
          "the certificate with the pinned fingerprint is not a self-signed CA root");
    }
    if (rootIndex == 0) {
      throw new UntrustedServerException("the server presented the CA root as its own certificate");
    }
    validate(List.of(Arrays.copyOf(chain, rootIndex)), root);
    requireServerAuth(chain[0]);
  }

  private int indexOfPinnedRoot(X509Certificate[] chain) {
    for (int i = 0; i < chain.length; i++) {
      try {
        if (CertificateFingerprint.of(chain[i].getEncoded()).equals(pin)) {
          return i;
        }
      } catch (CertificateEncodingException e) {
        return -1;
      }
    }
    return -1;
  }

  private static void validate(List<X509Certificate> path, X509Certificate root)
      throws UntrustedServerException {
    try {
      PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
      parameters.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX")
          .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
    } catch (CertPathValidatorException e) {
      throw new UntrustedServerException(
          "the server's chain does not validate under the pinned root: " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new UntrustedServerException(
          "the server's chain cannot be validated: " + e.getMessage());
    }
  }

  private static void requireServerAuth(X509Certificate leaf) throws UntrustedServerException {
    List<String> usages;
    try {
      usages = leaf.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      usages = null;
    }
    if (usages == null || !usages.contains(SERVER_AUTH)) {
      throw new UntrustedServerException(
          "the server's certificate is not for TLS servers (no serverAuth extended key usage)");
    }
  }
}
