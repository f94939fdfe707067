package com.clisonix.edge.gateway.livecache;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * A redis-server of the test's own (the binary shipped in embedded-redis) on a free loopback port,
 * which the test may stop and start again on the same port; the machine's shared Redis is never
 * touched. No snapshots: a restarted server comes back empty, as after a crash without persistence.
 */
final class OwnRedis implements AutoCloseable {
  private final int port;
  private RedisServer server;

  OwnRedis() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  void start() throws IOException {
    server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
        .setting("save \"\"").setting("appendonly no").build();
    server.start();
  }

  void stop() throws IOException {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  @Override
  public void close() throws IOException {
    stop();
  }
}
