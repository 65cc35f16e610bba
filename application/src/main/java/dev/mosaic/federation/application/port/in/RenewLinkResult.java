package dev.mosaic.federation.application.port.in;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link RenewLinkUseCase}. The CLI exit code is in each case's doc (SPEC §10). */
public sealed interface RenewLinkResult {
  /** 0: the link uses its new certificate and is active. */
  record Renewed(LinkView link) implements RenewLinkResult {
    public Renewed {
      Objects.requireNonNull(link, "link");
    }
  }

  /** 3: no local user has that handle. */
  record UnknownLocalUser(String handle) implements RenewLinkResult {}

  /** 3: no link of that name (of that user). */
  record NotFound(String peerName) implements RenewLinkResult {}

  /** 2: several local users have a link of that name; {@code owners} are their handles. */
  record Ambiguous(String peerName, List<String> owners) implements RenewLinkResult {
    public Ambiguous {
      owners = List.copyOf(owners);
    }
  }

  /**
   * 4: the link is revoked — it was already, or the peer refused the renewal as {@code
   * grant_revoked} just now ({@code justRevoked}). A revoked link never renews again.
   */
  record Revoked(LinkView link, boolean justRevoked) implements RenewLinkResult {
    public Revoked {
      Objects.requireNonNull(link, "link");
    }
  }

  /**
   * 5: the peer refused the renewal or could not be reached, or its answer was unacceptable; the
   * link is now degraded, keeps its current certificate and is retried.
   *
   * @param reason short and safe to print
   */
  record Failed(LinkView link, String reason) implements RenewLinkResult {
    public Failed {
      Objects.requireNonNull(link, "link");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
