package org.hotline12345;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay between an application and its database that a test cuts, as if the database were
 * gone (open connections drop, new ones are refused), and restores, on the same port.
 */
public final class TcpProxy implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final List<Socket> open = new ArrayList<>();
  private ServerSocket listening;

  private TcpProxy(String targetHost, int targetPort, int port) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.port = port;
  }

  /** A relay to {@code host:port} on a free local port, open at once. */
  public static TcpProxy to(String host, int port) {
    TcpProxy proxy = new TcpProxy(host, port, freePort());
    proxy.restore();
    return proxy;
  }

  public int port() {
    return port;
  }

  /** The database is gone: every connection through the relay drops, new ones are refused. */
  public synchronized void cut() {
    closeQuietly(listening);
    listening = null;
    open.forEach(TcpProxy::closeQuietly);
    open.clear();
  }

  /** The database is back: the relay accepts connections again. */
  public synchronized void restore() {
    if (listening != null) {
      return;
    }
    try {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      listening = server;
      Thread acceptor = new Thread(() -> accept(server), "tcp-proxy-" + port);
      acceptor.setDaemon(true);
      acceptor.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + port, e);
    }
  }

  @Override
  public void close() {
    cut();
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket target = new Socket(targetHost, targetPort);
        synchronized (this) {
          if (listening != server) {
            closeQuietly(client);
            closeQuietly(target);
            continue;
          }
          open.add(client);
          open.add(target);
        }
        pump(client, target);
        pump(target, client);
      } catch (IOException closed) {
        // cut() closed the server socket, or the target refused: the client sees a dropped link.
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException dropped) {
                // One side went away; the other follows.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  static int freePort() {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // already closed
    }
  }
}
