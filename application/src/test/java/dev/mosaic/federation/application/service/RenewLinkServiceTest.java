package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.FakePki;
import dev.mosaic.federation.application.port.in.RenewLinkCommand;
import dev.mosaic.federation.application.port.in.RenewLinkResult;
import dev.mosaic.federation.application.port.out.CacheKey;
import dev.mosaic.federation.application.port.out.PeerReply;
import dev.mosaic.federation.domain.fixtures.LinkFixtures;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkCertificate;
import dev.mosaic.federation.domain.link.LinkState;
import dev.mosaic.federation.domain.link.LinkTransition;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RenewLinkServiceTest {
  private final RenewalWorld world = new RenewalWorld(Duration.ofDays(30));

  private RenewLinkResult renew() {
    return world.renewal.renew(world.linkId);
  }

  @Test
  void renew_activeLink_switchesToANewKeyAndCertificateThePeerPinsAlongsideTheOldOne() {
    Link before = world.link();
    world.clock.advance(Duration.ofDays(23));

    RenewLinkResult result = renew();

    assertThat(result).isInstanceOf(RenewLinkResult.Renewed.class);
    Link after = world.link();
    assertThat(after.state()).isEqualTo(LinkState.ACTIVE);
    assertThat(after.certificate().fingerprint()).isNotEqualTo(before.certificate().fingerprint());
    assertThat(after.certificate().notAfter()).isAfter(before.certificate().notAfter());
    assertThat(world.work.pins())
        .containsExactly(before.certificate().fingerprint(), after.certificate().fingerprint());
    // the second key generated is the one whose sealed private key the link now holds
    byte[] key = world.sealer.open(after.certificate().sealedPrivateKey()).orElseThrow();
    assertThat(key).isEqualTo(world.keys.generated().get(1).material().privateKeyPkcs8());
    assertThat(world.health.find(world.linkId).orElseThrow().lastSuccessAt()).isPresent();
    assertThat(world.querySucceeds()).isTrue();
  }

  @Test
  void renew_flushesTheLinksCachedAnswers() {
    CacheKey key = new CacheKey(world.linkId, "list", "tasks", "{}");
    world.cache.put(key, Map.of("items", List.of()), Duration.ofMinutes(5));

    renew();

    assertThat(world.cache.get(key)).isEmpty();
  }

  @Test
  void renew_caDown_degradesWithTheReasonKeepsTheCertificateAndQueriesStillWork() {
    Link before = world.link();
    world.work.setCaDown(true);

    RenewLinkResult result = renew();

    assertThat(result).isInstanceOf(RenewLinkResult.Failed.class);
    Link after = world.link();
    assertThat(after.state()).isEqualTo(LinkState.DEGRADED);
    assertThat(after.stateReason().orElseThrow()).contains("503").contains("unavailable");
    assertThat(after.certificate()).isEqualTo(before.certificate());
    assertThat(world.health.find(world.linkId).orElseThrow().lastFailureReason().orElseThrow())
        .startsWith("renewal failed");
    assertThat(world.querySucceeds()).isTrue();

    world.work.setCaDown(false);
    assertThat(renew()).isInstanceOf(RenewLinkResult.Renewed.class);
    assertThat(world.link().state()).isEqualTo(LinkState.ACTIVE);
    assertThat(world.link().stateReason()).isEmpty();
  }

  @Test
  void renew_peerUnreachable_degradesAndNeverRevokes() {
    world.work.setOffline(true);

    RenewLinkResult result = renew();

    assertThat(result).isInstanceOf(RenewLinkResult.Failed.class);
    assertThat(((RenewLinkResult.Failed) result).reason()).contains("unreachable");
    assertThat(world.link().state()).isEqualTo(LinkState.DEGRADED);
  }

  @Test
  void renew_grantRevoked_marksTheLinkRevokedFlushesItsCacheAndNeverRenewsAgain() {
    CacheKey key = new CacheKey(world.linkId, "list", "tasks", "{}");
    world.cache.put(key, Map.of("items", List.of()), Duration.ofMinutes(5));
    world.work.revoke();

    RenewLinkResult result = renew();

    assertThat(result)
        .isInstanceOfSatisfying(
            RenewLinkResult.Revoked.class, r -> assertThat(r.justRevoked()).isTrue());
    assertThat(world.link().state()).isEqualTo(LinkState.REVOKED);
    assertThat(world.cache.get(key)).isEmpty();
    int generated = world.keys.generated().size();
    assertThat(renew())
        .isInstanceOfSatisfying(
            RenewLinkResult.Revoked.class, r -> assertThat(r.justRevoked()).isFalse());
    assertThat(world.keys.generated()).hasSize(generated);
  }

  @Test
  void renew_certificateForAnotherKey_isRefusedAndTheLinkKeepsItsCertificate() {
    Link before = world.link();
    world.work.rewriteRenewals(replaceCertificate(f -> f.put("key", "ab".repeat(32))));

    RenewLinkResult result = renew();

    assertThat(result).isInstanceOf(RenewLinkResult.Failed.class);
    assertThat(((RenewLinkResult.Failed) result).reason())
        .contains("not for the key this gateway generated");
    assertThat(world.link().certificate()).isEqualTo(before.certificate());
  }

  @Test
  void renew_certificateForAnotherGrantOrSubject_isRefused() {
    world.work.rewriteRenewals(
        replaceCertificate(f -> f.put("grant", UUID.randomUUID().toString())));
    assertThat(((RenewLinkResult.Failed) renew()).reason()).contains("grant extension differs");

    world.work.rewriteRenewals(
        replaceCertificate(f -> f.put("subject", UUID.randomUUID().toString())));
    assertThat(((RenewLinkResult.Failed) renew()).reason())
        .contains("subject-user extension differs");
    assertThat(world.link().state()).isEqualTo(LinkState.DEGRADED);
  }

  @Test
  void renew_answerWithoutCertificate_isRefused() {
    world.work.rewriteRenewals(
        reply -> new PeerReply.Answered(200, Map.of(), Map.of("chain", List.of())));

    assertThat(((RenewLinkResult.Failed) renew()).reason()).contains("no certificate");
  }

  @Test
  void renew_expiredCertificate_isNotSentAndAsksForReEnrollment() {
    world.clock.advance(Duration.ofDays(31));

    RenewLinkResult result = renew();

    assertThat(((RenewLinkResult.Failed) result).reason()).contains("re-enroll");
    assertThat(world.work.renewals()).isZero();
  }

  @Test
  void renewByName_withoutLocalUser_usesTheOnlyLinkOfThatName() {
    assertThat(world.renewal.renew(new RenewLinkCommand("work.example", Optional.empty())))
        .isInstanceOf(RenewLinkResult.Renewed.class);
  }

  @Test
  void renewByName_ambiguousUnknownUserOrUnknownPeer_changesNothing() {
    User bo = User.of(new UserId(UUID.randomUUID()), "bo");
    world.home.users().addUser(bo);
    world.home.links().insert(LinkFixtures.aLink().ownedBy(bo.id()).toPeer("work.example").build());

    assertThat(world.renewal.renew(new RenewLinkCommand("work.example", Optional.empty())))
        .isEqualTo(new RenewLinkResult.Ambiguous("work.example", List.of("al", "bo")));
    assertThat(world.renewal.renew(new RenewLinkCommand("work.example", Optional.of("nobody"))))
        .isEqualTo(new RenewLinkResult.UnknownLocalUser("nobody"));
    assertThat(world.renewal.renew(new RenewLinkCommand("lab.example", Optional.of("al"))))
        .isEqualTo(new RenewLinkResult.NotFound("lab.example"));
    assertThat(world.renewal.renew(new RenewLinkCommand("NOT A NAME!", Optional.empty())))
        .isEqualTo(new RenewLinkResult.NotFound("NOT A NAME!"));
    assertThat(world.keys.generated()).hasSize(1);
    assertThat(world.renewal.renew(new RenewLinkCommand("work.example", Optional.of("al"))))
        .isInstanceOf(RenewLinkResult.Renewed.class);
  }

  /** Renewal answers whose certificate has the issued fields changed by {@code edit}. */
  @Test
  void renew_whileAnotherProcessStoredAnOlderRenewal_keepsTheNewestCertificateThePeerPins() {
    Link before = world.link();
    world.clock.advance(Duration.ofDays(23));
    // Another process renewed from the same certificate and stored its answer first; the peer has
    // since issued ours, and pins it (with the presented one) instead of the other's.
    world.work.rewriteRenewals(
        reply -> {
          storeCertificate(withFingerprint(before.certificate(), "ab"));
          return reply;
        });

    assertThat(renew()).isInstanceOf(RenewLinkResult.Renewed.class);

    assertThat(world.work.pins()).contains(world.link().certificate().fingerprint());
    assertThat(world.querySucceeds()).isTrue();
  }

  @Test
  void renew_whileAnotherProcessStoredANewerCertificate_keepsThatOne() {
    Link before = world.link();
    world.clock.advance(Duration.ofDays(23));
    LinkCertificate newer =
        new LinkCertificate(
            before.certificate().certificatePem(),
            before.certificate().chainPem(),
            CertificateFingerprint.parse("cd".repeat(32)),
            before.certificate().notAfter().plus(Duration.ofDays(90)),
            before.certificate().sealedPrivateKey());
    world.work.rewriteRenewals(
        reply -> {
          storeCertificate(newer);
          return reply;
        });

    RenewLinkResult result = renew();

    assertThat(result).isInstanceOf(RenewLinkResult.Failed.class);
    assertThat(((RenewLinkResult.Failed) result).reason()).contains("stored meanwhile");
    assertThat(world.link().certificate()).isEqualTo(newer);
  }

  private void storeCertificate(LinkCertificate certificate) {
    Link current = world.link();
    world
        .home
        .links()
        .update(
            ((LinkTransition.Applied)
                    current.replaceCertificate(certificate, world.clock.instant()))
                .link());
  }

  private static LinkCertificate withFingerprint(LinkCertificate certificate, String hexPair) {
    return new LinkCertificate(
        certificate.certificatePem(),
        certificate.chainPem(),
        CertificateFingerprint.parse(hexPair.repeat(32)),
        certificate.notAfter(),
        certificate.sealedPrivateKey());
  }

  private static UnaryOperator<PeerReply> replaceCertificate(
      java.util.function.Consumer<Map<String, String>> edit) {
    return reply -> {
      Map<?, ?> body = (Map<?, ?>) ((PeerReply.Answered) reply).body();
      Map<String, String> fields = new LinkedHashMap<>();
      for (String line : ((String) body.get("certificate")).split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          fields.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      edit.accept(fields);
      return new PeerReply.Answered(
          200,
          Map.of(),
          Map.of("certificate", FakePki.certificate(fields), "chain", body.get("chain")));
    };
  }
}
