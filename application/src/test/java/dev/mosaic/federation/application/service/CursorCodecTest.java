package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.port.out.PagePosition;
import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
  private final CursorCodec codec = new CursorCodec(ServingWorld.KEY);
  private final GrantId grant = new GrantId(UUID.randomUUID());
  private final UserId subject = new UserId(UUID.randomUUID());
  private final TeamId t1 = new TeamId(UUID.randomUUID());
  private final TeamId t2 = new TeamId(UUID.randomUUID());
  private final EffectiveFilter filter = new EffectiveFilter(subject, true, Set.of(t1, t2));
  private final CursorBinding binding =
      CursorBinding.forGrant(grant, Resource.TASKS, filter, Optional.empty());
  private final PagePosition position = new PagePosition(Times.T0, UUID.randomUUID());
  private final String cursor = codec.encode(binding, position);

  @Test
  void decode_sameBinding_returnsThePosition() {
    assertThat(codec.decode(binding, cursor)).hasValue(position);
  }

  @Test
  void decode_sameFilterBuiltInAnotherOrder_returnsThePosition() {
    EffectiveFilter same = new EffectiveFilter(subject, true, Set.of(t2, t1));

    assertThat(
            codec.decode(
                CursorBinding.forGrant(grant, Resource.TASKS, same, Optional.empty()), cursor))
        .hasValue(position);
  }

  @Test
  void encode_isOpaqueUrlSafeText() {
    assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain(position.id().toString());
  }

  @Test
  void decode_anotherGrant_isRefused() {
    CursorBinding other =
        CursorBinding.forGrant(
            new GrantId(UUID.randomUUID()), Resource.TASKS, filter, Optional.empty());

    assertThat(codec.decode(other, cursor)).isEmpty();
  }

  @Test
  void decode_anotherResource_isRefused() {
    assertThat(
            codec.decode(
                CursorBinding.forGrant(grant, Resource.NOTES, filter, Optional.empty()), cursor))
        .isEmpty();
  }

  @Test
  void decode_anotherFilter_isRefused() {
    for (EffectiveFilter other :
        new EffectiveFilter[] {
          new EffectiveFilter(subject, true, Set.of(t1)),
          new EffectiveFilter(subject, false, Set.of(t1, t2)),
          new EffectiveFilter(new UserId(UUID.randomUUID()), true, Set.of(t1, t2)),
          new EffectiveFilter(subject, true, Set.of(t1, t2, new TeamId(UUID.randomUUID())))
        }) {
      assertThat(
              codec.decode(
                  CursorBinding.forGrant(grant, Resource.TASKS, other, Optional.empty()), cursor))
          .as("filter %s", other)
          .isEmpty();
    }
  }

  @Test
  void decode_anotherUpdatedSince_isRefused() {
    String since =
        codec.encode(
            CursorBinding.forGrant(grant, Resource.TASKS, filter, Optional.of(Times.T0)), position);

    assertThat(
            codec.decode(
                CursorBinding.forGrant(grant, Resource.TASKS, filter, Optional.of(Times.T0)),
                since))
        .hasValue(position);
    assertThat(codec.decode(binding, since)).isEmpty();
    assertThat(
            codec.decode(
                CursorBinding.forGrant(
                    grant, Resource.TASKS, filter, Optional.of(Times.T0.plusNanos(1000))),
                since))
        .isEmpty();
  }

  @Test
  void decode_localUserCursorUnderAGrant_isRefused() {
    String local =
        codec.encode(
            CursorBinding.forLocalUser(subject, Resource.TASKS, filter, Optional.empty()),
            position);

    assertThat(codec.decode(binding, local)).isEmpty();
  }

  @Test
  void decode_anotherKey_isRefused() {
    CursorCodec other =
        new CursorCodec(
            new CursorKey("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII)));

    assertThat(other.decode(binding, cursor)).isEmpty();
  }

  @Test
  void decode_anyFlippedBit_isRefused() {
    byte[] bytes = Base64.getUrlDecoder().decode(cursor);
    for (int i = 0; i < bytes.length * 8; i++) {
      byte[] tampered = bytes.clone();
      tampered[i / 8] ^= (byte) (1 << (i % 8));
      String text = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);

      assertThat(codec.decode(binding, text)).as("bit %d", i).isEmpty();
    }
  }

  @Test
  void decode_positionMovedWithTheOldMac_isRefused() {
    byte[] bytes = Base64.getUrlDecoder().decode(cursor);
    ByteBuffer.wrap(bytes).putLong(1, Times.T0.getEpochSecond() - 3600);

    assertThat(codec.decode(binding, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)))
        .isEmpty();
  }

  @Test
  void decode_malformedText_isRefused() {
    for (String bad :
        new String[] {
          "",
          "not base64!",
          "AAAA",
          cursor.substring(1),
          cursor + "AAAA",
          cursor + "=",
          "A".repeat(4096),
          Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[61])
        }) {
      assertThat(codec.decode(binding, bad)).as("'%s'", bad).isEmpty();
    }
    assertThat(codec.decode(binding, null)).isEmpty();
  }

  @Test
  void cursorKey_tooShort_isRejected() {
    assertThatThrownBy(() -> new CursorKey(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cursorKey_derive_isDeterministicSeparateFromTheSecretAndNeverPrinted() {
    byte[] secret = "the sealing secret".getBytes(StandardCharsets.UTF_8);

    CursorKey key = CursorKey.derive(secret);

    assertThat(key).isEqualTo(CursorKey.derive(secret));
    assertThat(key)
        .isNotEqualTo(CursorKey.derive("another secret".getBytes(StandardCharsets.UTF_8)));
    assertThat(key.bytes()).hasSize(32).isNotEqualTo(secret);
    assertThat(key.toString()).doesNotContain(Base64.getEncoder().encodeToString(key.bytes()));
  }
}
