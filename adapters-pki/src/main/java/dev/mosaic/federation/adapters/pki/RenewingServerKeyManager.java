package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The federation listener's key manager: serves one {@link ServerCredential} and, when it has a
 * source of new ones, replaces it once two thirds of its lifetime have passed.
 *
 * <p>The check runs on each handshake ({@code choose…ServerAlias}) against the injected clock, so
 * it also fires after a suspend or clock jump. One handshake renews while the others keep using the
 * current credential, which is still valid; a failed renewal is retried after {@link
 * #RETRY_AFTER_FAILURE}. Each credential has its own alias, and the previous one stays resolvable,
 * so a handshake that chose an alias just before a swap still gets a matching chain and key.
 */
final class RenewingServerKeyManager extends X509ExtendedKeyManager {

  static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(RenewingServerKeyManager.class);

  private record Entry(String alias, ServerCredential credential, Instant renewAt) {}

  private final Optional<Supplier<ServerCredential>> renewal;
  private final InstantSource clock;
  private final ReentrantLock renewing = new ReentrantLock();
  private volatile Entry current;
  private volatile Entry previous;
  private volatile Instant nextAttempt = Instant.MIN;
  private volatile Optional<String> lastFailure = Optional.empty();

  private RenewingServerKeyManager(
      ServerCredential initial, Optional<Supplier<ServerCredential>> renewal, InstantSource clock) {
    this.renewal = renewal;
    this.clock = clock;
    this.current = entry(initial);
    this.previous = current;
  }

  /**
   * Issues the first credential now and renews from {@code source}.
   *
   * @throws InfrastructureException when the first credential cannot be issued
   */
  static RenewingServerKeyManager renewing(Supplier<ServerCredential> source, InstantSource clock) {
    return new RenewingServerKeyManager(source.get(), Optional.of(source), clock);
  }

  /** Serves {@code credential} until the process restarts (operator-supplied files). */
  static RenewingServerKeyManager fixed(ServerCredential credential, InstantSource clock) {
    return new RenewingServerKeyManager(credential, Optional.empty(), clock);
  }

  /** The certificate handshakes get now. */
  X509Certificate currentCertificate() {
    return current.credential().certificate();
  }

  /** Why the last renewal failed, while it has not succeeded since. */
  Optional<String> lastFailure() {
    return lastFailure;
  }

  private Entry entry(ServerCredential credential) {
    if (renewal.isEmpty()) {
      return new Entry(alias(credential), credential, Instant.MAX);
    }
    Instant notBefore = credential.certificate().getNotBefore().toInstant();
    Instant notAfter = credential.certificate().getNotAfter().toInstant();
    Duration twoThirds = Duration.between(notBefore, notAfter).multipliedBy(2).dividedBy(3);
    return new Entry(alias(credential), credential, notBefore.plus(twoThirds));
  }

  private static String alias(ServerCredential credential) {
    return "federation-server-" + credential.certificate().getSerialNumber().toString(16);
  }

  private void renewIfDue() {
    Instant now = clock.instant();
    if (now.isBefore(current.renewAt()) || now.isBefore(nextAttempt) || !renewing.tryLock()) {
      return;
    }
    try {
      if (now.isBefore(current.renewAt())) {
        return;
      }
      Entry renewed = entry(renewal.orElseThrow().get());
      previous = current;
      current = renewed;
      lastFailure = Optional.empty();
      LOG.info(
          "renewed the federation server certificate: serial {}, valid until {}",
          renewed.credential().certificate().getSerialNumber().toString(16),
          renewed.credential().certificate().getNotAfter().toInstant());
    } catch (RuntimeException e) { // keep serving the current, still valid credential
      String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      nextAttempt = now.plus(RETRY_AFTER_FAILURE);
      lastFailure = Optional.of(reason);
      LOG.warn(
          "renewing the federation server certificate failed; the current one stays in use"
              + " (valid until {}) and renewal is retried in {}: {}",
          current.credential().certificate().getNotAfter().toInstant(),
          RETRY_AFTER_FAILURE,
          reason);
    } finally {
      renewing.unlock();
    }
  }

  private String serverAlias(String keyType) {
    renewIfDue();
    Entry entry = current;
    return entry.credential().key().getAlgorithm().equals(keyType) ? entry.alias() : null;
  }

  private Optional<ServerCredential> credential(String alias) {
    Entry now = current;
    Entry before = previous;
    if (now.alias().equals(alias)) {
      return Optional.of(now.credential());
    }
    return before.alias().equals(alias) ? Optional.of(before.credential()) : Optional.empty();
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return serverAlias(keyType);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return serverAlias(keyType);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    Entry entry = current;
    return entry.credential().key().getAlgorithm().equals(keyType)
        ? new String[] {entry.alias()}
        : null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return credential(alias).map(c -> c.chain().toArray(X509Certificate[]::new)).orElse(null);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return credential(alias).map(ServerCredential::key).orElse(null);
  }

  /** A server key manager: it never presents a client certificate. */
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

  @Override
  public String toString() {
    return "RenewingServerKeyManager[" + current.credential() + "]";
  }
}
