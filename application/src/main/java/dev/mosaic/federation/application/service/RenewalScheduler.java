package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.RenewLinkResult;
import dev.mosaic.federation.application.port.in.RenewLinkUseCase;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkId;
import dev.mosaic.federation.domain.link.LinkState;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Decides, at each {@link #tick()}, which links to renew (SPEC §4, §5.4). A tick compares the wall
 * clock with each link's renewal time — its certificate's {@code notAfter} − {@code renewBefore} −
 * a jitter of up to 10 % of renewBefore drawn once per certificate — so renewal also happens at the
 * first tick after a suspend or a forward clock jump; nothing sleeps until the renewal time. A
 * failed renewal is retried after a capped exponential backoff (tick period, doubled per failure,
 * at most {@link RenewalSettings#maxBackoff()}); revoked links are skipped. The caller runs ticks
 * every {@link RenewalSettings#tickPeriod()} on one thread; not thread-safe.
 */
public class RenewalScheduler {
  /** The renewal time chosen for one certificate of a link. */
  private record Plan(CertificateFingerprint certificate, Instant renewAt) {}

  /** Consecutive failures and when to try again. */
  private record Retry(CertificateFingerprint certificate, int failures, Instant next) {}

  /** What one tick did for one link. */
  public record Attempt(LinkId link, RenewLinkResult result) {}

  private final LinkRepository links;
  private final RenewLinkUseCase renewal;
  private final RenewalSettings settings;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final Map<LinkId, Plan> plans = new HashMap<>();
  private final Map<LinkId, Retry> retries = new HashMap<>();

  public RenewalScheduler(
      LinkRepository links,
      RenewLinkUseCase renewal,
      RenewalSettings settings,
      InstantSource clock,
      RandomGenerator random) {
    this.links = links;
    this.renewal = renewal;
    this.settings = settings;
    this.clock = clock;
    this.random = random;
  }

  public RenewalSettings settings() {
    return settings;
  }

  /**
   * Renews every link that is due now, one after the other.
   *
   * @return what was attempted, in link order; empty when nothing was due
   * @throws dev.mosaic.federation.application.port.out.InfrastructureException when the link store
   *     fails (the next tick tries again)
   */
  public List<Attempt> tick() {
    List<Link> all = links.findAll();
    Set<LinkId> present = all.stream().map(Link::id).collect(Collectors.toSet());
    plans.keySet().retainAll(present);
    retries.keySet().retainAll(present);
    List<Attempt> attempts = new ArrayList<>();
    for (Link link : all) {
      if (link.state() == LinkState.REVOKED) {
        plans.remove(link.id());
        retries.remove(link.id());
        continue;
      }
      Instant now = clock.instant();
      if (now.isBefore(dueAt(link))) {
        continue;
      }
      RenewLinkResult result = renewal.renew(link.id());
      attempts.add(new Attempt(link.id(), result));
      switch (result) {
        case RenewLinkResult.Failed failed -> {
          Retry previous = retries.get(link.id());
          int failures = previous == null ? 1 : previous.failures() + 1;
          retries.put(
              link.id(),
              new Retry(
                  link.certificate().fingerprint(),
                  failures,
                  clock.instant().plus(backoff(failures))));
        }
        default -> {
          retries.remove(link.id());
          plans.remove(link.id());
        }
      }
    }
    return attempts;
  }

  /** When {@code link} is due: its retry time after a failure, else its certificate's plan. */
  private Instant dueAt(Link link) {
    CertificateFingerprint certificate = link.certificate().fingerprint();
    Retry retry = retries.get(link.id());
    if (retry != null && retry.certificate().equals(certificate)) {
      return retry.next();
    }
    retries.remove(link.id());
    if (link.state() == LinkState.DEGRADED) {
      // a renewal failed before this scheduler saw it (a forced renewal, or before a restart)
      return link.updatedAt();
    }
    Plan plan = plans.get(link.id());
    if (plan == null || !plan.certificate().equals(certificate)) {
      long jitterNanos = (long) (random.nextDouble() * settings.maxJitter().toNanos());
      plan =
          new Plan(
              certificate,
              link.certificate().notAfter().minus(settings.renewBefore()).minusNanos(jitterNanos));
      plans.put(link.id(), plan);
    }
    return plan.renewAt();
  }

  /** tick × 2^(failures−1), capped. */
  Duration backoff(int failures) {
    Duration wait = settings.tickPeriod();
    for (int i = 1; i < failures && wait.compareTo(settings.maxBackoff()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
  }
}
