package dev.mosaic.federation.adapters.cache;

import dev.mosaic.federation.application.port.out.RevocationBroadcaster;
import dev.mosaic.federation.application.port.out.RevocationNotice;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.redisson.api.RTopic;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revocation notices over one Valkey pub/sub channel, {@value #CHANNEL}, so that every replica of B
 * hears them. A notice travels as one line: {@code v1 <grant id> <fingerprint>,<fingerprint>…}
 * (lowercase hex SHA-256, none when the grant had no pinned certificate). A message that does not
 * read as one is logged and dropped — nothing on the channel can make a replica do more than close
 * connections of certificates that were named.
 *
 * <p>Redisson re-subscribes the channel after it reconnects to Valkey, so a subscription survives a
 * Valkey restart or a broken connection; notices published while a replica was disconnected are
 * lost to it (pub/sub keeps nothing), which is why no decision depends on them.
 */
@Singleton
final class ValkeyRevocationBroadcaster implements RevocationBroadcaster {
  static final String CHANNEL = "mosaic:federation:revocations";
  private static final String VERSION = "v1";
  private static final Logger LOG = LoggerFactory.getLogger(ValkeyRevocationBroadcaster.class);

  private final ValkeyConnection connection;

  @Inject
  ValkeyRevocationBroadcaster(ValkeyConnection connection) {
    this.connection = connection;
  }

  private RTopic topic() {
    return connection.client().getTopic(CHANNEL, StringCodec.INSTANCE);
  }

  @Override
  public void publish(RevocationNotice notice) {
    try {
      topic().publish(encode(notice));
    } catch (RedisException e) {
      throw RedissonClients.translate("publishing a revocation", e);
    }
  }

  @Override
  public Subscription subscribe(Consumer<RevocationNotice> listener) {
    RTopic topic = topic();
    int id;
    try {
      id =
          topic.addListener(
              String.class, (channel, message) -> decode(message).ifPresent(listener));
    } catch (RedisException e) {
      throw RedissonClients.translate("subscribing to revocations", e);
    }
    return () -> {
      try {
        topic.removeListener(id);
      } catch (RuntimeException e) {
        LOG.warn("could not unsubscribe from revocations: {}", e.getMessage());
      }
    };
  }

  static String encode(RevocationNotice notice) {
    List<String> hex = notice.certificates().stream().map(CertificateFingerprint::hex).toList();
    return VERSION + " " + notice.grant().value() + " " + String.join(",", hex);
  }

  static Optional<RevocationNotice> decode(String message) {
    String[] parts = message == null ? new String[0] : message.split(" ", -1);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      LOG.warn("ignoring a revocation notice that is not {}", VERSION);
      return Optional.empty();
    }
    try {
      GrantId grant = GrantId.parse(parts[1]);
      List<CertificateFingerprint> certificates = new ArrayList<>();
      if (!parts[2].isEmpty()) {
        for (String hex : parts[2].split(",", -1)) {
          certificates.add(CertificateFingerprint.parse(hex));
        }
      }
      return Optional.of(new RevocationNotice(grant, certificates));
    } catch (IllegalArgumentException e) {
      LOG.warn("ignoring a malformed revocation notice");
      return Optional.empty();
    }
  }
}
