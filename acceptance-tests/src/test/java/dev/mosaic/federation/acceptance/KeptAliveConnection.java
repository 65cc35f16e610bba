package dev.mosaic.federation.acceptance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * One raw mTLS connection to B's federation listener, kept alive across HTTP/1.1 requests — what a
 * requesting gateway's connection pool holds. The test can tell that later requests travel on the
 * very socket and TLS session the first one opened, and whether B closed it.
 */
final class KeptAliveConnection implements AutoCloseable {
  private final SSLSocket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] sessionId;

  private KeptAliveConnection(SSLSocket socket) throws IOException {
    this.socket = socket;
    socket.startHandshake();
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.sessionId = socket.getSession().getId().clone();
  }

  /** Connects to {@code serving}'s federation listener trusting only {@code root}. */
  static KeptAliveConnection open(Gateway serving, X509Certificate root, ClientIdentity identity) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("root", root);
      TrustManagerFactory trustFactory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustFactory.init(trust);
      X509TrustManager trustManager = (X509TrustManager) trustFactory.getTrustManagers()[0];
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(
          new KeyManager[] {new PeerClient.AlwaysPresenting(identity)},
          new X509TrustManager[] {trustManager},
          null);
      SSLSocket socket =
          (SSLSocket)
              tls.getSocketFactory()
                  .createSocket(serving.publicUrl().getHost(), serving.publicUrl().getPort());
      return new KeptAliveConnection(socket);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The TLS session id of the handshake that opened this connection. */
  byte[] openingSessionId() {
    return sessionId.clone();
  }

  /** The TLS session id now: the same as {@link #openingSessionId()} on the same connection. */
  byte[] currentSessionId() {
    return socket.getSession().getId().clone();
  }

  /** {@code POST path} with a JSON body on this connection; the whole answer. */
  HttpReply post(String path, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    out.write(
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: "
                + socket.getInetAddress().getHostAddress()
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    String head = readHead();
    int length = 0;
    String requestId = null;
    String contentType = null;
    for (String line : head.split("\r\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
      } else if (lower.startsWith("x-request-id:")) {
        requestId = line.substring(line.indexOf(':') + 1).trim();
      } else if (lower.startsWith("content-type:")) {
        contentType = line.substring(line.indexOf(':') + 1).trim();
      }
    }
    String text = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    return new HttpReply(Integer.parseInt(head.split(" ")[1]), requestId, contentType, text);
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    byte[] end = {'\r', '\n', '\r', '\n'};
    int matched = 0;
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the server closed the connection");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** Whether B closed this connection (end of stream or a reset), waiting at most 200 ms. */
  boolean closedByServer() {
    try {
      socket.setSoTimeout(200);
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
