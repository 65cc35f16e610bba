package dev.mosaic.federation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.InMemoryLinkRepository;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.in.LinkView;
import dev.mosaic.federation.application.port.in.RenewLinkCommand;
import dev.mosaic.federation.application.port.in.RenewLinkResult;
import dev.mosaic.federation.application.port.in.RenewLinkUseCase;
import dev.mosaic.federation.application.service.RenewalScheduler;
import dev.mosaic.federation.application.service.RenewalSettings;
import dev.mosaic.federation.domain.fixtures.LinkFixtures;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The thread of {@code gateway serve} that ticks the renewal scheduler. */
class RenewalTickerTest {
  private final InMemoryLinkRepository links = new InMemoryLinkRepository();
  private final Link link = LinkFixtures.aLink().build();
  private final MutableInstantSource clock =
      new MutableInstantSource(link.certificate().notAfter().minus(Duration.ofDays(1)));
  private final AtomicInteger renewals = new AtomicInteger();
  private final RenewLinkUseCase renewal =
      new RenewLinkUseCase() {
        @Override
        public RenewLinkResult renew(RenewLinkCommand command) {
          throw new AssertionError("the scheduler renews by id");
        }

        @Override
        public RenewLinkResult renew(LinkId id) {
          renewals.incrementAndGet();
          return new RenewLinkResult.Failed(LinkView.of(link, "al"), "renewal failed: CA down");
        }
      };

  @Test
  void start_ticksUntilClosed_reportingEachAttempt() throws InterruptedException {
    links.insert(link);
    RenewalScheduler scheduler =
        new RenewalScheduler(
            links, renewal, new RenewalSettings(Duration.ofDays(7)), clock, () -> 0L);
    List<String> lines = new CopyOnWriteArrayList<>();

    RenewalTicker ticker = RenewalTicker.start(scheduler, Duration.ofMillis(20), lines::add);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (lines.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    ticker.close();

    assertThat(lines).first().asString().contains("is degraded: renewal failed: CA down");
    int afterClose = renewals.get();
    clock.advance(Duration.ofDays(1));
    assertThat(ticker.isTerminated()).isTrue();
    assertThat(renewals.get()).isEqualTo(afterClose);
  }
}
