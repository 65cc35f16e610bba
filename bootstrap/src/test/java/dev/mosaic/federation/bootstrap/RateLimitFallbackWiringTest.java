package dev.mosaic.federation.bootstrap;

import static dev.mosaic.federation.bootstrap.GatewayComponentTest.DATABASE_URL;
import static dev.mosaic.federation.bootstrap.GatewayComponentTest.DATABASE_USER;
import static dev.mosaic.federation.bootstrap.GatewayComponentTest.closedPort;
import static dev.mosaic.federation.bootstrap.GatewayComponentTest.passwordEnv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.in.CheckOutcome;
import dev.mosaic.federation.application.port.out.CheckStatus;
import dev.mosaic.federation.application.port.out.RateLimitDecision;
import dev.mosaic.federation.bootstrap.config.ConfigLoader;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.scope.RateLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wired gateway with Valkey unreachable: requests are still rate limited (in-process), and the
 * doctor and the {@code mosaic.ratelimit.fallback} metrics say so.
 */
class RateLimitFallbackWiringTest {
  @TempDir Path dir;

  @Test
  void rateLimiter_valkeyUnreachable_limitsInProcess_doctorAndMetricsReportTheFallback()
      throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("mosaic.yaml"),
            """
            gateway:
              name: work.example
            federation:
              listen: 127.0.0.1:0
              publicUrl: https://work.example:8443
            local:
              listen: 127.0.0.1:0
            database:
              url: %s
              user: %s
            valkey:
              url: redis://127.0.0.1:%d
            pki:
              mode: local
              local:
                dir: %s
            secrets:
              sealingKey: %s
            """
                .formatted(
                    DATABASE_URL, DATABASE_USER, closedPort(), dir.resolve("ca"), "k".repeat(44)));
    GrantId grant = new GrantId(UUID.randomUUID());
    // One token a minute: a loaded machine cannot refill the bucket between the two requests.
    RateLimit oneAtATime = new RateLimit(1, 1);
    try (GatewayComponent gateway =
        GatewayComponent.create(ConfigLoader.load(Optional.of(config), passwordEnv()))) {
      RateLimitDecision first = gateway.rateLimiter().tryAcquire(grant, oneAtATime);
      RateLimitDecision second = gateway.rateLimiter().tryAcquire(grant, oneAtATime);
      CheckOutcome valkey =
          gateway.doctor().run().outcomes().stream()
              .filter(o -> o.name().equals("valkey"))
              .findFirst()
              .orElseThrow();

      assertThat(first).isInstanceOf(RateLimitDecision.Acquired.class);
      assertThat(second).isInstanceOf(RateLimitDecision.Limited.class);
      assertThat(valkey.result().status()).isEqualTo(CheckStatus.FAIL);
      assertThat(valkey.result().detail())
          .contains("rate limiting runs on the in-process fallback: per replica, not shared")
          .contains("this process has used it since");
      assertThat(gateway.meterRegistry().get("mosaic.ratelimit.fallback").functionCounter().count())
          .isEqualTo(2.0);
      assertThat(gateway.meterRegistry().get("mosaic.ratelimit.fallback.active").gauge().value())
          .isEqualTo(1.0);
    }
  }
}
