package dev.mosaic.federation.adapters.http;

import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.X509ExtendedTrustManager;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;

/**
 * Closes the gap TLS session resumption opens in client-certificate checks: a resumed session (a
 * TLS 1.3 ticket, a TLS 1.2 session id) skips the trust manager, so a certificate that expired
 * since the session began would still get in (the identity check cannot catch it: a grant's current
 * certificate stays pinned past its expiry until it is replaced). This wraps the listener's trust
 * manager and remembers which handshakes it verified; every other completed handshake that carries
 * a client certificate — a resumption — is verified now by the same trust manager, and a refusal
 * fails the connection before any request is read.
 */
final class ResumptionGuard extends X509ExtendedTrustManager implements SslHandshakeListener {
  private final X509ExtendedTrustManager delegate;
  private final Set<SSLEngine> verified =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  ResumptionGuard(X509ExtendedTrustManager delegate) {
    this.delegate = delegate;
  }

  @Override
  public void handshakeSucceeded(Event event) throws SSLException {
    SSLEngine engine = event.getSSLEngine();
    if (verified.remove(engine)) {
      return;
    }
    Certificate[] presented;
    try {
      presented = engine.getSession().getPeerCertificates();
    } catch (SSLPeerUnverifiedException none) {
      return;
    }
    X509Certificate[] chain = new X509Certificate[presented.length];
    for (int i = 0; i < presented.length; i++) {
      if (!(presented[i] instanceof X509Certificate certificate)) {
        throw new SSLHandshakeException("a resumed session carries a non-X.509 certificate");
      }
      chain[i] = certificate;
    }
    try {
      delegate.checkClientTrusted(chain, chain[0].getPublicKey().getAlgorithm());
    } catch (CertificateException e) {
      SSLHandshakeException refused =
          new SSLHandshakeException("resumed session refused: " + e.getMessage());
      refused.initCause(e);
      throw refused;
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, engine);
    verified.add(engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkServerTrusted(chain, authType, engine);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    delegate.checkServerTrusted(chain, authType, socket);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    delegate.checkServerTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }
}
