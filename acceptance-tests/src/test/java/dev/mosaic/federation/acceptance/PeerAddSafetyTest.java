package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.testing.CuttableRelay;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code federation peer add} fails safe: with a wrong pin, or against a gateway whose server
 * certificate does not match the host name in the URL, it aborts before the token is sent — B's
 * rows are untouched and the token still works afterwards — and stores nothing on A.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerAddSafetyTest {

  @TempDir static Path dir;

  Gateway work;
  Gateway home;
  EnrollmentUrls url;

  @BeforeAll
  void gatewaysAndAnEnrollmentUrl() {
    work = Gateway.named("work.example").host("127.0.0.2").dir(dir.resolve("work")).build();
    home = Gateway.named("home.example").host("127.0.0.3").dir(dir.resolve("home")).build();
    work.ok("gateway", "migrate");
    home.ok("gateway", "migrate");
    work.serve();
    work.ok("user", "add", "carol");
    home.ok("user", "add", "carol");
    String grantId =
        work.ok(
                "federation",
                "grant",
                "create",
                "--user",
                "carol",
                "--peer",
                "home.example",
                "--scope",
                "{\"resources\": [\"notes\"]}")
            .strip();
    url = EnrollmentUrls.parse(work.ok("federation", "grant", "token", grantId));
  }

  @AfterAll
  void stopGateways() {
    try {
      if (work != null) {
        work.close();
      }
    } finally {
      if (home != null) {
        home.close();
      }
    }
  }

  @Test
  void peerAdd_wrongPin_abortsBeforeSendingTheToken_thenTheRightUrlStillEnrolls()
      throws UnknownHostException {
    Map<String, List<Map<String, Object>>> before = work.database().snapshot();

    Mosaic.Run wrongPin =
        home.mosaic(
            "federation", "peer", "add", url.withPin("00".repeat(32)), "--local-user", "carol");

    assertThat(wrongPin.code()).as("%s", wrongPin).isEqualTo(5);
    assertThat(wrongPin.err()).contains("pin").contains("the token was not sent");
    assertThat(work.database().snapshot()).isEqualTo(before);
    assertThat(home.database().count("federation_links")).isZero();

    Mosaic.Run hostMismatch = peerAddThroughAnotherAddress();

    assertThat(hostMismatch.code()).as("%s", hostMismatch).isEqualTo(5);
    assertThat(hostMismatch.err()).contains("127.0.0.4").contains("the token was not sent");
    assertThat(work.database().snapshot()).isEqualTo(before);
    assertThat(home.database().count("federation_links")).isZero();

    Mosaic.Run right =
        home.mosaic("federation", "peer", "add", url.format(), "--local-user", "carol");

    assertThat(right.code()).as("%s", right).isZero();
    assertThat(home.database().count("federation_links")).isEqualTo(1);
    assertThat(
            work.database().rows("select status from federation_grants").getFirst().get("status"))
        .isEqualTo("active");
  }

  /**
   * The same gateway, reached through a relay on 127.0.0.4: its certificate names 127.0.0.2, so the
   * host name check must refuse it although the chain ends in the pinned root.
   */
  private Mosaic.Run peerAddThroughAnotherAddress() throws UnknownHostException {
    InetSocketAddress target =
        new InetSocketAddress(work.publicUrl().getHost(), work.publicUrl().getPort());
    try (CuttableRelay relay = new CuttableRelay(InetAddress.getByName("127.0.0.4"), target)) {
      Mosaic.Run run =
          home.mosaic(
              "federation",
              "peer",
              "add",
              url.withAuthority(relay.authority()),
              "--local-user",
              "carol",
              "--name",
              "work-via-relay");
      assertThat(relay.connections()).as("connections through the relay").isPositive();
      return run;
    }
  }
}
