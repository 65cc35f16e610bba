package dev.mosaic.federation.adapters.http;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which client certificates B's federation listener accepts (SPEC §5.2 step 1), checked during the
 * TLS handshake so that a refused certificate never reaches a handler:
 *
 * <ol>
 *   <li>the chain validates under PKIX with B's CA root as the only trust anchor — signatures,
 *       validity against the real clock (as JSSE does), CA constraints and path length, the JDK's
 *       disabled algorithms; a copy of the root at the end of the chain is ignored;
 *   <li>the leaf is an end-entity certificate whose extended key usage includes clientAuth (a
 *       serverAuth-only certificate is refused) and, when it states key usages, digitalSignature.
 * </ol>
 *
 * <p>It does <em>not</em> consult B's revoked list (docs/DEVIATIONS.md D3): JSSE answers every
 * refused client certificate with the {@code certificate_unknown} alert, so a requesting gateway
 * could not tell a revocation from any other TLS failure. A certificate of a revoked grant
 * completes the handshake, and every {@code /v1} request it makes is answered 403 {@code
 * grant_revoked} by the identity check, which reads the grant from the database and audits the
 * refusal before anything is served.
 */
final class ClientCertificateTrustManager extends X509ExtendedTrustManager {
  static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final int DIGITAL_SIGNATURE = 0;
  private static final Logger LOG = LoggerFactory.getLogger(ClientCertificateTrustManager.class);

  private final X509Certificate root;
  private final TrustAnchor anchor;

  ClientCertificateTrustManager(X509Certificate root) {
    this.root = root;
    this.anchor = new TrustAnchor(root, null);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    verify(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    verify(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    verify(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("this trust manager verifies clients only");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("this trust manager verifies clients only");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("this trust manager verifies clients only");
  }

  /** B's CA root: named in the certificate request so clients pick a certificate it issued. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[] {root};
  }

  void verify(X509Certificate[] chain) throws CertificateException {
    try {
      check(chain);
    } catch (CertificateException e) {
      LOG.info("client certificate refused: {}", e.getMessage());
      throw e;
    }
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("no client certificate");
    }
    List<X509Certificate> path = new ArrayList<>();
    for (X509Certificate certificate : chain) {
      if (certificate.equals(root)) {
        break;
      }
      path.add(certificate);
    }
    if (path.isEmpty()) {
      throw new CertificateException("the CA root is not a client certificate");
    }
    validate(path);
    X509Certificate leaf = path.get(0);
    requireClientEndEntity(leaf);
  }

  private void validate(List<X509Certificate> path) throws CertificateException {
    try {
      PKIXParameters parameters = new PKIXParameters(Set.of(anchor));
      parameters.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX")
          .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
    } catch (CertPathValidatorException e) {
      throw new CertificateException(
          "the chain does not validate under the CA root: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new CertificateException("the chain cannot be validated: " + e.getMessage(), e);
    }
  }

  private static void requireClientEndEntity(X509Certificate leaf) throws CertificateException {
    if (leaf.getBasicConstraints() >= 0) {
      throw new CertificateException("a CA certificate is not a client certificate");
    }
    List<String> usages;
    try {
      usages = leaf.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      usages = null;
    }
    if (usages == null || !usages.contains(CLIENT_AUTH)) {
      throw new CertificateException(
          "the certificate is not for TLS clients (no clientAuth extended key usage)");
    }
    boolean[] keyUsage = leaf.getKeyUsage();
    if (keyUsage != null
        && (keyUsage.length <= DIGITAL_SIGNATURE || !keyUsage[DIGITAL_SIGNATURE])) {
      throw new CertificateException("the certificate's key usage excludes digitalSignature");
    }
  }
}
