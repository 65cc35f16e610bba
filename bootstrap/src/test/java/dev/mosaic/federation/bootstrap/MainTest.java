package dev.mosaic.federation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.federation.application.port.in.RunDoctorUseCase;
import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import dev.mosaic.federation.application.service.CappedDoctor;
import dev.mosaic.federation.bootstrap.cli.CliContext;
import dev.mosaic.federation.bootstrap.config.ConfigFixtures;
import dev.mosaic.federation.bootstrap.config.GatewayConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the {@code mosaic} command in-process with fake checks, asserting output and exit codes. */
class MainTest {

  static final Duration SHORT_CAP = Duration.ofMillis(300);

  @TempDir Path dir;
  Path config;
  final CountDownLatch neverReleased = new CountDownLatch(1);
  final List<GatewayConfig> wired = new ArrayList<>();
  final List<GatewayConfig> closed = new ArrayList<>();

  @BeforeEach
  void writeConfig() throws IOException {
    config = Files.writeString(dir.resolve("mosaic.yaml"), ConfigFixtures.FEDERATED_LOCAL_CA);
  }

  @AfterEach
  void releaseHangingChecks() {
    neverReleased.countDown();
  }

  @Test
  void help_listsOnlyTheCommandsThatExist() {
    Run root = run(Map.of(), checks(), "--help");
    Run gateway = run(Map.of(), checks(), "gateway", "--help");

    assertThat(root.code).isZero();
    assertThat(root.out).contains("gateway").contains("Exit codes: 0 ok, 1 error, 2 usage");
    assertThat(gateway.code).isZero();
    assertThat(gateway.out).contains("serve", "demo", "migrate", "doctor").doesNotContain("search");
  }

  @Test
  void run_withoutCommand_isUsageError() {
    Run result = run(Map.of(), checks());

    assertThat(result.code).isEqualTo(2);
    assertThat(result.err).startsWith("mosaic: missing command").contains("Try 'mosaic --help'");
  }

  @Test
  void run_unknownOption_isUsageError() {
    Run result = run(Map.of(), checks(), "gateway", "doctor", "--colour");

    assertThat(result.code).isEqualTo(2);
    assertThat(result.err).contains("--colour").contains("Try 'mosaic gateway doctor --help'");
    assertThat(wired).isEmpty();
  }

  @Test
  void doctor_allChecksPass_printsOneLinePerCheckAndExitsZero() {
    Run result =
        run(
            Map.of(),
            checks(
                check("database", CheckResult.ok("reachable (PostgreSQL 15.8)")),
                check("valkey", CheckResult.ok("answers PING; persistence off"))),
            "gateway",
            "doctor",
            "--config",
            config.toString());

    assertThat(result.code).isZero();
    assertThat(result.out.lines())
        .containsExactly(
            "OK   database  reachable (PostgreSQL 15.8)",
            "OK   valkey    answers PING; persistence off",
            "tier federated is satisfied");
    assertThat(result.err).isEmpty();
    assertThat(wired).singleElement().extracting(c -> c.gateway().name()).isEqualTo("work.example");
    assertThat(closed).isEqualTo(wired);
  }

  @Test
  void doctor_warningOnly_stillExitsZero() {
    Run result =
        run(
            Map.of(),
            checks(
                check("vector", CheckResult.warn("extension missing", "CREATE EXTENSION vector"))),
            "gateway",
            "doctor",
            "--config",
            config.toString());

    assertThat(result.code).isZero();
    assertThat(result.out)
        .contains("WARN vector  extension missing — remedy: CREATE EXTENSION vector");
  }

  @Test
  void doctor_failingCheck_namesItWithRemedyAndExitsNonZero() {
    Run result =
        run(
            Map.of(),
            checks(
                check("clock", CheckResult.ok("fine")),
                check(
                    "valkey",
                    CheckResult.fail(
                        "connection refused at 127.0.0.1:6380",
                        "start valkey-server --port 6380"))),
            "gateway",
            "doctor",
            "--config",
            config.toString());

    assertThat(result.code).isEqualTo(1);
    assertThat(result.out)
        .contains(
            "FAIL valkey  connection refused at 127.0.0.1:6380 — remedy: start valkey-server --port 6380")
        .contains("tier federated is NOT satisfied: 1 check failed");
  }

  @Test
  void doctor_hangingCheck_isReportedAsTimedOutAfterTheCap() {
    DependencyCheck hanging =
        check(
            "ca",
            () -> {
              neverReleased.await();
              return CheckResult.ok("too late");
            });

    long started = System.nanoTime();
    Run result =
        run(
            Map.of(),
            checks(hanging, check("clock", CheckResult.ok("fine"))),
            "gateway",
            "doctor",
            "--config",
            config.toString());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result.code).isEqualTo(1);
    assertThat(result.out).contains("FAIL ca     no answer within 300 ms").contains("OK   clock");
    assertThat(took).isGreaterThanOrEqualTo(SHORT_CAP).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void doctor_checkThatThrows_isReportedAsFailed() {
    Run result =
        run(
            Map.of(),
            checks(
                check(
                    "database",
                    () -> {
                      throw new IllegalStateException("pool closed");
                    })),
            "gateway",
            "doctor",
            "--config",
            config.toString());

    assertThat(result.code).isEqualTo(1);
    assertThat(result.out).contains("FAIL database").contains("pool closed");
  }

  @Test
  void doctor_json_printsOneDocument() throws IOException {
    Run result =
        run(
            Map.of(),
            checks(
                check("clock", CheckResult.ok("fine")),
                check("valkey", CheckResult.fail("refused", "start it"))),
            "gateway",
            "doctor",
            "--json",
            "--config",
            config.toString());

    JsonNode json = new ObjectMapper().readTree(result.out);
    assertThat(result.code).isEqualTo(1);
    assertThat(json.get("tier").asText()).isEqualTo("federated");
    assertThat(json.get("satisfied").asBoolean()).isFalse();
    assertThat(json.get("checks")).hasSize(2);
    assertThat(json.get("checks").get(1).get("name").asText()).isEqualTo("valkey");
    assertThat(json.get("checks").get(1).get("status").asText()).isEqualTo("FAIL");
    assertThat(json.get("checks").get(1).get("remedy").asText()).isEqualTo("start it");
  }

  @Test
  void doctor_invalidConfig_printsOneLineWithoutStackTraceAndExitsOne() throws IOException {
    Files.writeString(
        config, ConfigFixtures.FEDERATED_LOCAL_CA.replace("mode: local", "mode: foo"));

    Run result = run(Map.of(), checks(), "gateway", "doctor", "--config", config.toString());

    assertThat(result.code).isEqualTo(1);
    assertThat(result.out).isEmpty();
    assertThat(result.err)
        .isEqualTo(
            "mosaic: invalid configuration: pki.mode: must be one of local, stepca (was 'foo')\n");
    assertThat(wired).isEmpty();
  }

  @Test
  void doctor_environmentOverride_reachesTheWiredConfig() {
    Run result =
        run(
            Map.of("MOSAIC_GATEWAY_NAME", "from-env.example"),
            checks(check("clock", CheckResult.ok("fine"))),
            "gateway",
            "doctor",
            "--config",
            config.toString());

    assertThat(result.code).isZero();
    assertThat(wired)
        .singleElement()
        .extracting(c -> c.gateway().name())
        .isEqualTo("from-env.example");
  }

  @Test
  void migrate_embeddedTierWithoutDatabase_failsNamingTheKey() throws IOException {
    Files.writeString(config, "gateway:\n  name: home\n  tier: embedded\n");

    Run result = run(Map.of(), checks(), "gateway", "migrate", "--config", config.toString());

    assertThat(result.code).isEqualTo(1);
    assertThat(result.err)
        .isEqualTo(
            "mosaic: database.url: required to migrate (tier embedded has none configured)\n");
  }

  @Test
  void unexpectedFailure_isOneLine_unlessDebugAsksForTheStackTrace() {
    Function<GatewayConfig, GatewayServices> broken =
        c -> {
          throw new IllegalStateException("wiring exploded");
        };

    Run quiet = run(Map.of(), broken, "gateway", "doctor", "--config", config.toString());
    Run debug =
        run(
            Map.of("MOSAIC_DEBUG", "1"),
            broken,
            "gateway",
            "doctor",
            "--config",
            config.toString());

    assertThat(quiet.code).isEqualTo(1);
    assertThat(quiet.err)
        .isEqualTo(
            "mosaic: unexpected IllegalStateException: wiring exploded (set MOSAIC_DEBUG=1 for the"
                + " stack trace)\n");
    assertThat(debug.code).isEqualTo(1);
    assertThat(debug.err).contains("wiring exploded").contains("\tat ");
  }

  // ---- helpers --------------------------------------------------------------------------------

  record Run(int code, String out, String err) {}

  interface Probe {
    CheckResult check() throws Exception;
  }

  static DependencyCheck check(String name, CheckResult result) {
    return check(name, () -> result);
  }

  static DependencyCheck check(String name, Probe probe) {
    return new DependencyCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public CheckResult check() {
        try {
          return probe.check();
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  /** Wiring that records the configuration it was given and offers a doctor over {@code checks}. */
  Function<GatewayConfig, GatewayServices> checks(DependencyCheck... checks) {
    RunDoctorUseCase doctor = CappedDoctor.of(Set.of(checks), SHORT_CAP);
    return c -> {
      wired.add(c);
      return new FakeGateway() {
        @Override
        public RunDoctorUseCase doctor() {
          return doctor;
        }

        @Override
        public void close() {
          closed.add(c);
        }
      };
    };
  }

  Run run(
      Map<String, String> env, Function<GatewayConfig, GatewayServices> wiring, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(args, new CliContext(env, new PrintWriter(out), new PrintWriter(err), wiring));
    return new Run(code, out.toString(), err.toString());
  }
}
