package dev.mosaic.federation.application.fake;

/**
 * The serving side's in-memory stores, wired to one {@link InMemoryTransactor} so that a throw
 * inside a transaction rolls all of them back.
 */
public final class InMemoryStores {
  private final InMemoryGrantRepository grants = new InMemoryGrantRepository();
  private final InMemoryPeerRepository peers = new InMemoryPeerRepository();
  private final InMemoryEnrollmentTokenRepository tokens = new InMemoryEnrollmentTokenRepository();
  private final InMemoryRevokedCertificateRepository revokedCertificates =
      new InMemoryRevokedCertificateRepository();
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final InMemoryUserDirectory users = new InMemoryUserDirectory();
  private final InMemoryLinkRepository links = new InMemoryLinkRepository();
  private final InMemorySessionTokenRepository sessionTokens =
      new InMemorySessionTokenRepository(users);
  private final InMemoryResourceStore resources = new InMemoryResourceStore();
  private final InMemoryTransactor transactor =
      new InMemoryTransactor(
          grants,
          peers,
          tokens,
          revokedCertificates,
          audit,
          users,
          links,
          sessionTokens,
          resources);

  public InMemoryGrantRepository grants() {
    return grants;
  }

  public InMemoryPeerRepository peers() {
    return peers;
  }

  public InMemoryEnrollmentTokenRepository tokens() {
    return tokens;
  }

  public InMemoryRevokedCertificateRepository revokedCertificates() {
    return revokedCertificates;
  }

  public InMemoryAuditLog audit() {
    return audit;
  }

  /** Also the {@code NativeAccessDirectory}. */
  public InMemoryUserDirectory users() {
    return users;
  }

  public InMemoryLinkRepository links() {
    return links;
  }

  public InMemorySessionTokenRepository sessionTokens() {
    return sessionTokens;
  }

  /** Also the {@code ResourceImporter}. */
  public InMemoryResourceStore resources() {
    return resources;
  }

  public InMemoryTransactor transactor() {
    return transactor;
  }
}
