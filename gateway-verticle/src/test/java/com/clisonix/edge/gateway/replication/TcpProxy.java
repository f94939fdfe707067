package com.clisonix.edge.gateway.replication;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay between the gateway and the cloud database that a test can sever (every open
 * connection is dropped and new ones are refused, as when the uplink fails) and restore.
 */
final class TcpProxy implements AutoCloseable {
  private final Vertx vertx;
  private final String targetHost;
  private final int targetPort;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean severed;
  private NetServer server;
  private NetClient client;

  TcpProxy(Vertx vertx, String targetHost, int targetPort) {
    this.vertx = vertx;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  int start() throws Exception {
    client = vertx.createNetClient();
    server = vertx.createNetServer().connectHandler(in -> {
      if (severed) {
        in.close();
        return;
      }
      in.pause();
      client.connect(targetPort, targetHost).onSuccess(out -> {
        sockets.add(in);
        sockets.add(out);
        in.closeHandler(v -> {
          sockets.remove(in);
          out.close();
        });
        out.closeHandler(v -> {
          sockets.remove(out);
          in.close();
        });
        in.handler(out::write);
        out.handler(in::write);
        in.resume();
        if (severed) {
          in.close();
        }
      }).onFailure(err -> in.close());
    });
    return server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
  }

  void sever() {
    severed = true;
    sockets.forEach(NetSocket::close);
  }

  void restore() {
    severed = false;
  }

  @Override
  public void close() throws Exception {
    sever();
    if (server != null) {
      server.close().await(10, TimeUnit.SECONDS);
    }
    if (client != null) {
      client.close().await(10, TimeUnit.SECONDS);
    }
  }
}
