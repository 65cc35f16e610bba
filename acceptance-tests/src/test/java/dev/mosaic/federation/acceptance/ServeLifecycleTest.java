package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mosaic gateway serve} refuses to start while the federated tier is not satisfied, naming
 * each missing dependency, and otherwise serves until SIGTERM, when it stops and releases its port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeLifecycleTest {

  @TempDir static Path dir;

  Gateway unmigrated;
  Gateway ready;

  @BeforeAll
  void gateways() {
    unmigrated =
        Gateway.named("work.example").host("127.0.0.2").dir(dir.resolve("unmigrated")).build();
    ready = Gateway.named("work.example").host("127.0.0.2").dir(dir.resolve("ready")).build();
    ready.ok("gateway", "migrate");
  }

  @AfterAll
  void stop() {
    try {
      if (unmigrated != null) {
        unmigrated.close();
      }
    } finally {
      if (ready != null) {
        ready.close();
      }
    }
  }

  @Test
  void serve_withoutMigrationsAndWithoutValkey_refusesNamingEachMissingDependency()
      throws IOException {
    Mosaic.Run run =
        unmigrated.mosaicWith(
            Map.of("MOSAIC_VALKEY_URL", "redis://127.0.0.1:" + closedPort()), "gateway", "serve");

    assertThat(run.code()).as("%s", run).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("warning: the dependency checks failed; checking once more before giving up")
        .contains("mosaic: cannot serve: the federated tier is not satisfied (3 checks failed")
        .containsPattern("(?m)^  migrations: .*remedy: .*mosaic gateway migrate")
        .containsPattern("(?m)^  valkey: .*unreachable.*remedy: ")
        .containsPattern("(?m)^  vector: .*remedy: ");
    assertThat(listening(unmigrated)).isFalse();
  }

  @Test
  void serve_runsUntilSigterm_thenStopsAndReleasesThePort() {
    MosaicProcess serve = ready.serve();
    assertThat(listening(ready)).isTrue();

    int exit = serve.stop();

    assertThat(exit).isEqualTo(143); // 128 + SIGTERM: the JVM ran its shutdown hooks and exited
    assertThat(serve.isAlive()).isFalse();
    assertThat(serve.stderr()).doesNotContain("ERROR", "Exception");
    assertThatThrownBy(() -> connect(ready)).isInstanceOf(ConnectException.class);
  }

  private static boolean listening(Gateway gateway) {
    try {
      connect(gateway);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void connect(Gateway gateway) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(gateway.publicUrl().getHost(), gateway.publicUrl().getPort()),
          2_000);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
