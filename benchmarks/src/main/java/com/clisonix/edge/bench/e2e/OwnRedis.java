package com.clisonix.edge.bench.e2e;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The harness's own {@code redis-server} on a free loopback port, no persistence. */
final class OwnRedis {
  final int port;
  private final Path dir;
  private Process process;

  OwnRedis(Path dir) {
    this.dir = dir;
    this.port = Children.freePort();
  }

  void start() {
    process = Children.start(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString()), dir.resolve("redis.log"));
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Children.sleep(50);
      }
    }
    throw new IllegalStateException("redis-server did not listen on " + port);
  }

  void stop() {
    if (process != null) {
      process.destroy();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Children.forget(process);
      process = null;
    }
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }
}
