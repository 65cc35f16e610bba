package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mosaic.federation.application.port.out.RevocationNotice;
import dev.mosaic.federation.domain.grant.GrantId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A revocation notice closes the live connections of the revoked certificates (SPEC §5.3): real TLS
 * clients hold kept-alive HTTP/1.1 connections to the federation listener; after the notice the
 * revoked one's socket is closed by B, the other one keeps serving on the same socket; a stopped
 * server no longer listens to notices.
 */
class LiveConnectionRevocationTest {
  private static final String CAPABILITIES = "/api/federation/v1/capabilities";

  private final Listener listener = new Listener(100, true);

  @AfterEach
  void stop() {
    listener.close();
  }

  /** One TLS connection kept alive across requests. */
  private final class KeptAlive implements AutoCloseable {
    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    KeptAlive(HeldCertificate certificate) throws IOException {
      socket =
          (SSLSocket)
              listener
                  .presenting(certificate, listener.pki.intermediate().certificate())
                  .getSocketFactory()
                  .createSocket("127.0.0.1", listener.server.port());
      socket.startHandshake();
      in = socket.getInputStream();
      out = socket.getOutputStream();
    }

    /** Sends one request on this connection and reads the whole answer; its status. */
    int get(String path) throws IOException {
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String head = readHead();
      int length = 0;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
        }
      }
      in.readNBytes(length);
      return Integer.parseInt(head.split(" ")[1]);
    }

    private String readHead() throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      byte[] end = {'\r', '\n', '\r', '\n'};
      while (matched < end.length) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("closed by the server");
        }
        head.write(b);
        matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
      }
      return head.toString(StandardCharsets.US_ASCII);
    }

    /** Whether the server closed this connection (end of stream or a reset). */
    boolean closedByServer() {
      try {
        socket.setSoTimeout(200);
        return in.read() < 0;
      } catch (java.net.SocketTimeoutException e) {
        return false;
      } catch (IOException e) {
        return true;
      }
    }

    Object session() {
      return socket.getSession();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  void notice_closesTheRevokedCertificatesConnection_andNoOther() throws Exception {
    HeldCertificate revoked = listener.pki.grantClient("home.example", uuid(), uuid());
    HeldCertificate other = listener.pki.grantClient("home.example", uuid(), uuid());
    try (KeptAlive doomed = new KeptAlive(revoked);
        KeptAlive survivor = new KeptAlive(other)) {
      Object sessionBefore = survivor.session();
      assertThat(doomed.get(CAPABILITIES)).isEqualTo(403);
      assertThat(doomed.get(CAPABILITIES)).isEqualTo(403);
      assertThat(survivor.get(CAPABILITIES)).isEqualTo(403);
      assertThat(listener.serve.capabilitiesCalls()).hasSize(3);

      listener.revocations.publish(
          new RevocationNotice(
              new GrantId(UUID.randomUUID()), List.of(ServingGateway.fingerprint(revoked))));

      await().atMost(Duration.ofSeconds(5)).until(doomed::closedByServer);
      assertThat(survivor.get(CAPABILITIES)).isEqualTo(403);
      assertThat(survivor.session()).isSameAs(sessionBefore);
      assertThat(listener.serve.capabilitiesCalls()).hasSize(4);
    }
  }

  @Test
  void notice_namingNoLiveCertificate_closesNothing() throws Exception {
    HeldCertificate holder = listener.pki.grantClient("home.example", uuid(), uuid());
    try (KeptAlive connection = new KeptAlive(holder)) {
      assertThat(connection.get(CAPABILITIES)).isEqualTo(403);

      int closed =
          listener.server.closeConnectionsOf(
              new RevocationNotice(
                  new GrantId(UUID.randomUUID()),
                  List.of(
                      ServingGateway.fingerprint(
                          listener.pki.grantClient("home.example", uuid(), uuid())))));

      assertThat(closed).isZero();
      assertThat(connection.get(CAPABILITIES)).isEqualTo(403);
    }
  }

  @Test
  void start_subscribes_close_unsubscribes() {
    assertThat(listener.revocations.subscriberCount()).isEqualTo(1);

    listener.server.close();

    assertThat(listener.revocations.subscriberCount()).isZero();
  }

  private static String uuid() {
    return UUID.randomUUID().toString();
  }
}
