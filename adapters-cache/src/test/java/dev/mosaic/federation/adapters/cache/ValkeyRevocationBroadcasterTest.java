package dev.mosaic.federation.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mosaic.federation.application.contract.RevocationBroadcasterContract;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.RevocationBroadcaster;
import dev.mosaic.federation.application.port.out.RevocationNotice;
import dev.mosaic.federation.application.testing.CuttableRelay;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.grant.GrantId;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The Valkey broadcaster against the real server: the port's contract, then what only Valkey can
 * show — another replica hears it, a subscription outlives a broken connection, a dead Valkey fails
 * a publish with the port's exception, and nothing but a well-formed notice reaches a listener.
 */
class ValkeyRevocationBroadcasterTest extends RevocationBroadcasterContract {
  private ValkeyConnection connection;

  @Override
  protected RevocationBroadcaster createRevocationBroadcaster() {
    connection = new ValkeyConnection(TestValkey.settings());
    return new ValkeyRevocationBroadcaster(connection);
  }

  @Override
  protected void close(RevocationBroadcaster created) {
    connection.close();
  }

  private static RevocationNotice aNotice() {
    return new RevocationNotice(
        new GrantId(UUID.randomUUID()),
        List.of(CertificateFixtures.aFingerprint(), CertificateFixtures.aFingerprint()));
  }

  private static ValkeySettings through(URI address) {
    ValkeySettings real = TestValkey.settings();
    return new ValkeySettings(address, real.database(), real.username(), real.password());
  }

  @Test
  void publish_reachesASubscriberOfAnotherReplica() {
    ValkeyConnection other = new ValkeyConnection(TestValkey.settings());
    try {
      List<RevocationNotice> heard = new CopyOnWriteArrayList<>();
      try (RevocationBroadcaster.Subscription subscription =
          new ValkeyRevocationBroadcaster(other).subscribe(heard::add)) {
        RevocationNotice notice = aNotice();

        broadcaster.publish(notice);

        await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains(notice));
      }
    } finally {
      other.close();
    }
  }

  @Test
  void subscription_survivesABrokenConnectionToValkey() {
    InetSocketAddress valkey =
        new InetSocketAddress(
            TestValkey.settings().address().getHost(), TestValkey.settings().address().getPort());
    try (CuttableRelay relay = new CuttableRelay(valkey)) {
      ValkeyConnection replica =
          new ValkeyConnection(through(URI.create("redis://127.0.0.1:" + relay.port())));
      try {
        List<RevocationNotice> heard = new CopyOnWriteArrayList<>();
        RevocationBroadcaster.Subscription subscription =
            new ValkeyRevocationBroadcaster(replica).subscribe(heard::add);
        RevocationNotice before = aNotice();
        broadcaster.publish(before);
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains(before));

        relay.cut();
        relay.restore();

        // Notices published while it reconnects are lost (pub/sub keeps nothing): publish until
        // one arrives over the new connection.
        RevocationNotice after = aNotice();
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  broadcaster.publish(after);
                  return heard.contains(after);
                });
        subscription.close();
      } finally {
        replica.close();
      }
    }
  }

  @Test
  void publish_valkeyDown_throwsTheInfrastructureException() throws Exception {
    ValkeyConnection dead = new ValkeyConnection(through(TestValkey.unusedAddress()));
    try {
      RevocationBroadcaster down = new ValkeyRevocationBroadcaster(dead);

      assertThatThrownBy(() -> down.publish(aNotice()))
          .isInstanceOf(InfrastructureException.class)
          .hasMessageContaining("publishing a revocation");
    } finally {
      dead.close();
    }
  }

  @Test
  void foreignMessagesOnTheChannel_neverReachAListener() {
    RedissonClient raw = TestValkey.client();
    List<RevocationNotice> heard = new CopyOnWriteArrayList<>();
    try (RevocationBroadcaster.Subscription subscription = broadcaster.subscribe(heard::add)) {
      var topic = raw.getTopic(ValkeyRevocationBroadcaster.CHANNEL, StringCodec.INSTANCE);
      topic.publish("close everything");
      topic.publish("v1 not-a-uuid abc");
      topic.publish("v1 " + UUID.randomUUID() + " not-hex");
      RevocationNotice marker = aNotice();

      broadcaster.publish(marker);

      await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains(marker));
      assertThat(heard).containsExactly(marker);
    } finally {
      RedissonClients.shutdown(raw);
    }
  }

  @Test
  void encoding_roundTrips_alsoWithoutCertificates() {
    RevocationNotice notice = aNotice();
    RevocationNotice none = new RevocationNotice(new GrantId(UUID.randomUUID()), List.of());

    assertThat(ValkeyRevocationBroadcaster.decode(ValkeyRevocationBroadcaster.encode(notice)))
        .contains(notice);
    assertThat(ValkeyRevocationBroadcaster.decode(ValkeyRevocationBroadcaster.encode(none)))
        .contains(none);
    assertThat(ValkeyRevocationBroadcaster.encode(notice))
        .startsWith("v1 " + notice.grant().value() + " ")
        .contains(notice.certificates().get(0).hex());
  }
}
