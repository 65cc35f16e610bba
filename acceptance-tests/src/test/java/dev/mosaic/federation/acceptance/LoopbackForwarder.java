package dev.mosaic.federation.acceptance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain TCP relay from {@code listenHost:<ephemeral>} to a target address: a gateway reached
 * under a name its server certificate was not issued for, byte for byte (TLS passes through).
 */
final class LoopbackForwarder implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger connections = new AtomicInteger();

  LoopbackForwarder(String listenHost, InetSocketAddress target) {
    this.target = target;
    try {
      this.server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getByName(listenHost), 0));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + listenHost, e);
    }
    threads.submit(this::accept);
  }

  /** {@code host:port} of the relay. */
  String authority() {
    return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
  }

  /** How many connections the relay accepted. */
  int connections() {
    return connections.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        connections.incrementAndGet();
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        threads.submit(() -> pump(client, upstream));
        threads.submit(() -> pump(upstream, client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // the other side closed; close both below
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // already closed
    }
    threads.shutdownNow();
  }
}
