package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.LinkHealthRepository;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.link.CircuitState;
import dev.mosaic.federation.domain.link.LinkHealth;
import dev.mosaic.federation.domain.link.LinkId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link LinkHealthRepository}: each record call updates only its own columns. */
public abstract class LinkHealthRepositoryContract {
  protected LinkHealthRepository health;

  protected abstract LinkHealthRepository createLinkHealthRepository();

  /** The id of a freshly stored link (health rows may reference links). */
  protected abstract LinkId aStoredLink();

  @BeforeEach
  void setUpLinkHealthRepositoryContract() {
    health = createLinkHealthRepository();
  }

  @Test
  void find_nothingRecorded_isEmpty() {
    assertThat(health.find(aStoredLink())).isEmpty();
  }

  @Test
  void recordSuccess_thenFailure_keepsBoth() {
    LinkId link = aStoredLink();
    Instant ok = Times.T0;
    Instant failed = Times.T0.plusSeconds(30);

    health.recordSuccess(link, ok, Optional.of(Duration.ofMillis(-1500)));
    health.recordFailure(link, failed, "connect timed out");

    assertThat(health.find(link))
        .contains(
            new LinkHealth(
                link,
                Optional.of(ok),
                Optional.of(failed),
                Optional.of("connect timed out"),
                Optional.of(Duration.ofMillis(-1500)),
                CircuitState.CLOSED,
                Optional.empty()));
  }

  @Test
  void recordCircuitAndRateLimit_doNotTouchOtherColumns() {
    LinkId link = aStoredLink();
    health.recordSuccess(link, Times.T0, Optional.empty());

    health.recordCircuitState(link, CircuitState.OPEN);
    health.recordRateLimitedUntil(link, Optional.of(Times.T0.plusSeconds(7)));

    LinkHealth read = health.find(link).orElseThrow();
    assertThat(read.lastSuccessAt()).contains(Times.T0);
    assertThat(read.circuitState()).isEqualTo(CircuitState.OPEN);
    assertThat(read.rateLimitedUntil()).contains(Times.T0.plusSeconds(7));

    health.recordRateLimitedUntil(link, Optional.empty());
    assertThat(health.find(link).orElseThrow().rateLimitedUntil()).isEmpty();
  }

  @Test
  void recordSuccess_laterOne_replacesTheTime() {
    LinkId link = aStoredLink();
    health.recordSuccess(link, Times.T0, Optional.empty());
    health.recordSuccess(link, Times.T0.plusSeconds(60), Optional.empty());

    assertThat(health.find(link).orElseThrow().lastSuccessAt()).contains(Times.T0.plusSeconds(60));
  }

  @Test
  void delete_forgetsTheLink() {
    LinkId link = aStoredLink();
    health.recordFailure(link, Times.T0, "x");

    health.delete(link);

    assertThat(health.find(link)).isEmpty();
  }
}
