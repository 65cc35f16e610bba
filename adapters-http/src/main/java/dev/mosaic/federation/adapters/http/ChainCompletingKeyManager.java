package dev.mosaic.federation.adapters.http;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The server's key manager, presenting its chain up to and including the CA root. A requesting
 * gateway trusts B only through the root's pinned fingerprint and does not hold the root before
 * enrollment, so B must send it (RFC 8446 §4.4.2 allows the root in the chain). Whatever the
 * delegate returns is passed on, with the root appended when the chain's last certificate was
 * issued by it and is not the root already. Every call goes to the delegate, so a renewed server
 * certificate is served as soon as the delegate has it.
 */
final class ChainCompletingKeyManager extends X509ExtendedKeyManager {
  private final X509ExtendedKeyManager delegate;
  private final Optional<X509Certificate> root;

  ChainCompletingKeyManager(X509ExtendedKeyManager delegate, Optional<X509Certificate> root) {
    this.delegate = delegate;
    this.root = root;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    X509Certificate[] chain = delegate.getCertificateChain(alias);
    if (chain == null || chain.length == 0 || root.isEmpty()) {
      return chain;
    }
    X509Certificate last = chain[chain.length - 1];
    X509Certificate anchor = root.get();
    if (last.equals(anchor)
        || !last.getIssuerX500Principal().equals(anchor.getSubjectX500Principal())) {
      return chain;
    }
    X509Certificate[] completed = Arrays.copyOf(chain, chain.length + 1);
    completed[chain.length] = anchor;
    return completed;
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return delegate.getServerAliases(keyType, issuers);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return delegate.chooseServerAlias(keyType, issuers, socket);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return delegate.chooseEngineServerAlias(keyType, issuers, engine);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return delegate.getPrivateKey(alias);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    return null;
  }
}
