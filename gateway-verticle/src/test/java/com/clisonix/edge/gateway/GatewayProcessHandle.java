package com.clisonix.edge.gateway;

import java.nio.file.Path;
import java.util.Map;

/** A gateway child process for tests in other packages: start, wait for its port, kill, close. */
public final class GatewayProcessHandle implements AutoCloseable {
  private final GatewayProcess process;

  private GatewayProcessHandle(GatewayProcess process) {
    this.process = process;
  }

  public static GatewayProcessHandle start(Path dir, Map<String, String> env, String... args) throws Exception {
    return new GatewayProcessHandle(GatewayProcess.start(dir, env, args));
  }

  /** The HTTP port once the gateway has started; fails with the output when it died or took too long. */
  public int awaitPort(long seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      int port = process.httpPort();
      if (port > 0) {
        return port;
      }
      if (!process.alive()) {
        throw new AssertionError("gateway exited during start-up\n" + process.output());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("gateway not started within " + seconds + " s\n" + process.output());
  }

  /** SIGKILL: no orderly stop, nothing flushed, nothing acknowledged that was not already. */
  public void kill() throws InterruptedException {
    process.killHard();
  }

  public String output() {
    return process.output();
  }

  /** The repository's config/gateway.yaml. */
  public static Path shippedYaml() {
    return GatewayProcessIT.shippedYaml();
  }

  @Override
  public void close() {
    process.close();
  }
}
