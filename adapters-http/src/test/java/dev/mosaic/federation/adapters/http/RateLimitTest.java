package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  /** 3 a minute: one token every 20 s. */
  private final Listener listener = new Listener(3, false);

  @AfterEach
  void stop() {
    listener.close();
  }

  @Test
  void publicEndpoints_overTheLimit_are429WithRetryAfterUntilTheNextToken() {
    assertThat(listener.get("/api/federation/ca").status()).isEqualTo(200);
    assertThat(listener.get("/api/federation/crl").status()).isEqualTo(404);
    assertThat(
            listener
                .postJson("/api/federation/enrollment", "{\"token\":\"t\",\"csr\":\"c\"}")
                .status())
        .isEqualTo(404);

    Listener.Reply limited = listener.get("/api/federation/ca");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.error()).containsEntry("code", "rate_limited");
    assertThat(limited.error()).containsEntry("retryAfterMs", 20_000);
    assertThat(limited.header("Retry-After")).isEqualTo("20");
    assertThat(limited.header("X-Request-Id")).isNotBlank();
  }

  @Test
  void publicEndpoints_partOfTheWait_retryAfterIsTheCeilingOfTheRest() {
    for (int i = 0; i < 3; i++) {
      listener.get("/api/federation/ca");
    }
    listener.clock.advance(Duration.ofMillis(10_500));

    Listener.Reply limited = listener.get("/api/federation/ca");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.error()).containsEntry("retryAfterMs", 9_500);
    assertThat(limited.header("Retry-After")).isEqualTo("10");
  }

  @Test
  void publicEndpoints_afterTheWait_answerAgain() {
    for (int i = 0; i < 3; i++) {
      listener.get("/api/federation/ca");
    }
    assertThat(listener.get("/api/federation/ca").status()).isEqualTo(429);

    listener.clock.advance(Duration.ofSeconds(20));

    assertThat(listener.get("/api/federation/ca").status()).isEqualTo(200);
    assertThat(listener.get("/api/federation/ca").status()).isEqualTo(429);
  }

  @Test
  void limit_doesNotCountUnknownPathsOrTheAuthenticatedApi() {
    for (int i = 0; i < 5; i++) {
      assertThat(listener.get("/nowhere").status()).isEqualTo(404);
      assertThat(listener.get("/api/federation/v1/capabilities").status()).isEqualTo(401);
    }

    assertThat(listener.get("/api/federation/ca").status()).isEqualTo(200);
  }
}
