package dev.mosaic.federation.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.CheckStatus;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

class ValkeyDependencyCheckTest {

  @Test
  void check_reachableAndNotPersisting_isOk() {
    RedissonClient client = TestValkey.client();
    try {
      CheckResult result =
          new ValkeyDependencyCheck(client, TestValkey.settings(), new RateLimitFallback()).check();

      assertThat(result.status()).as(result.toString()).isEqualTo(CheckStatus.OK);
      assertThat(result.detail()).contains(TestValkey.settings().address().toString());
      assertThat(result.remedy()).isEmpty();
    } finally {
      RedissonClients.shutdown(client);
    }
  }

  @Test
  void check_nothingListening_failsNamingTheAddressWithinTwoSeconds() throws IOException {
    URI unused = TestValkey.unusedAddress();
    ValkeySettings settings = ValkeySettings.of(unused);
    RedissonClient client = RedissonClients.create(settings);
    try {
      long started = System.nanoTime();
      CheckResult result =
          new ValkeyDependencyCheck(client, settings, new RateLimitFallback()).check();
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
      assertThat(result.detail())
          .contains("127.0.0.1:" + unused.getPort(), "unreachable", "cannot connect")
          .contains("rate limiting runs on the in-process fallback: per replica, not shared")
          .doesNotContain("Exception", "redisson", "since");
      assertThat(result.remedy())
          .contains("valkey-server --port " + unused.getPort(), "--save ''", "--appendonly no")
          .contains("correct valkey.url", "return to the shared buckets by themselves");
      assertThat(took).as("bounded, never hung").isLessThan(Duration.ofSeconds(8));
    } finally {
      RedissonClients.shutdown(client);
    }
  }

  @Test
  void check_reachableWhileFallingBack_warnsWithTheStartOfTheFallback() {
    RedissonClient client = TestValkey.client();
    RateLimitFallback fallback = new RateLimitFallback();
    fallback.decidedLocally(Instant.parse("2026-03-01T10:00:00Z"));
    try {
      CheckResult result =
          new ValkeyDependencyCheck(client, TestValkey.settings(), fallback).check();

      assertThat(result.status()).as(result.toString()).isEqualTo(CheckStatus.WARN);
      assertThat(result.detail())
          .contains("in-process fallback since 2026-03-01T10:00:00Z")
          .contains(TestValkey.settings().address().toString());
    } finally {
      RedissonClients.shutdown(client);
    }
  }

  @Test
  void check_unreachableWhileFallingBack_failsAndSaysTheFallbackIsInUse() throws IOException {
    ValkeySettings settings = ValkeySettings.of(TestValkey.unusedAddress());
    RedissonClient client = RedissonClients.create(settings);
    RateLimitFallback fallback = new RateLimitFallback();
    fallback.decidedLocally(Instant.parse("2026-03-01T10:00:00Z"));
    try {
      CheckResult result = new ValkeyDependencyCheck(client, settings, fallback).check();

      assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
      assertThat(result.detail())
          .contains("unreachable", "in-process fallback: per replica, not shared")
          .contains("this process has used it since 2026-03-01T10:00:00Z");
    } finally {
      RedissonClients.shutdown(client);
    }
  }

  @Test
  void name_isValkey() {
    ValkeySettings settings = TestValkey.settings();
    RedissonClient client = RedissonClients.create(settings);
    try {
      assertThat(new ValkeyDependencyCheck(client, settings, new RateLimitFallback()).name())
          .isEqualTo("valkey");
    } finally {
      RedissonClients.shutdown(client);
    }
  }

  @Test
  void persistenceProblem_snapshotsOrAppendOnly_isNamed() {
    assertThat(ValkeyDependencyCheck.persistenceProblem("", "no")).isEmpty();
    assertThat(ValkeyDependencyCheck.persistenceProblem("3600 1 300 100", "no"))
        .hasValueSatisfying(problem -> assertThat(problem).contains("save '3600 1 300 100'"));
    assertThat(ValkeyDependencyCheck.persistenceProblem("", "yes"))
        .hasValueSatisfying(problem -> assertThat(problem).isEqualTo("appendonly yes"));
    assertThat(ValkeyDependencyCheck.persistenceProblem("60 1", "yes"))
        .hasValueSatisfying(problem -> assertThat(problem).contains("RDB", "appendonly yes"));
  }
}
