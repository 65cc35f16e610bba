package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mosaic.federation.application.port.out.RevocationBroadcaster;
import dev.mosaic.federation.application.port.out.RevocationNotice;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.grant.GrantId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RevocationBroadcaster}: subscribers receive notices until they unsubscribe. */
public abstract class RevocationBroadcasterContract {
  protected RevocationBroadcaster broadcaster;

  protected abstract RevocationBroadcaster createRevocationBroadcaster();

  /** Releases the broadcaster's resources; nothing by default. */
  protected void close(RevocationBroadcaster created) {}

  @BeforeEach
  void setUpRevocationBroadcasterContract() {
    broadcaster = createRevocationBroadcaster();
  }

  @AfterEach
  void tearDownRevocationBroadcasterContract() {
    close(broadcaster);
  }

  private static RevocationNotice aNotice() {
    return new RevocationNotice(
        new GrantId(UUID.randomUUID()),
        List.of(CertificateFixtures.aFingerprint(), CertificateFixtures.aFingerprint()));
  }

  @Test
  void publish_isDeliveredEqualToEverySubscriber() {
    List<RevocationNotice> first = new CopyOnWriteArrayList<>();
    List<RevocationNotice> second = new CopyOnWriteArrayList<>();
    RevocationBroadcaster.Subscription a = broadcaster.subscribe(first::add);
    RevocationBroadcaster.Subscription b = broadcaster.subscribe(second::add);
    try {
      RevocationNotice notice = aNotice();

      broadcaster.publish(notice);

      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> first.contains(notice) && second.contains(notice));
    } finally {
      a.close();
      b.close();
    }
  }

  @Test
  void close_stopsDelivery() {
    List<RevocationNotice> closed = new CopyOnWriteArrayList<>();
    List<RevocationNotice> open = new CopyOnWriteArrayList<>();
    RevocationBroadcaster.Subscription subscription = broadcaster.subscribe(closed::add);
    RevocationBroadcaster.Subscription stays = broadcaster.subscribe(open::add);
    try {
      subscription.close();
      RevocationNotice notice = aNotice();

      broadcaster.publish(notice);

      await().atMost(Duration.ofSeconds(5)).until(() -> open.contains(notice));
      assertThat(closed).doesNotContain(notice);
    } finally {
      stays.close();
    }
  }
}
