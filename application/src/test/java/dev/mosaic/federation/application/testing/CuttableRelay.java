package dev.mosaic.federation.application.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay from {@code 127.0.0.1:<ephemeral>} (or another listen address) to a target that can
 * be cut and restored while it keeps its port: {@link #cut()} resets every relayed connection and,
 * until {@link #restore()}, resets each new one as soon as it is accepted — the path to the target
 * is gone, the target itself (e.g. the shared PostgreSQL server) is untouched.
 */
public final class CuttableRelay implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean cut = new AtomicBoolean();
  private final AtomicInteger connections = new AtomicInteger();

  public CuttableRelay(InetSocketAddress target) {
    this(InetAddress.getLoopbackAddress(), target);
  }

  /** A relay listening on {@code listen} (e.g. another loopback address than the target's). */
  public CuttableRelay(InetAddress listen, InetSocketAddress target) {
    this.target = target;
    try {
      this.server = new ServerSocket();
      server.bind(new InetSocketAddress(listen, 0));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + listen.getHostAddress(), e);
    }
    threads.submit(this::accept);
  }

  /** The relay's port. */
  public int port() {
    return server.getLocalPort();
  }

  /** {@code host:port} of the relay. */
  public String authority() {
    return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
  }

  /** How many connections the relay accepted. */
  public int connections() {
    return connections.get();
  }

  /** Resets every relayed connection and refuses new ones until {@link #restore()}. */
  public void cut() {
    cut.set(true);
    open.forEach(CuttableRelay::reset);
  }

  /** Relays new connections again. */
  public void restore() {
    cut.set(false);
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
        connections.incrementAndGet();
      } catch (IOException e) {
        return; // closed
      }
      if (cut.get()) {
        reset(client);
        continue;
      }
      try {
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        open.add(client);
        open.add(upstream);
        threads.submit(() -> pump(client, upstream));
        threads.submit(() -> pump(upstream, client));
      } catch (IOException e) {
        reset(client);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // one side closed or was reset; close both below
    } finally {
      reset(from);
      reset(to);
      open.remove(from);
      open.remove(to);
    }
  }

  /** Closes with a TCP reset (linger 0), as a broken path would look to both ends. */
  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException ignored) {
      // already closed
    }
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
    cut();
    threads.shutdownNow();
  }
}
