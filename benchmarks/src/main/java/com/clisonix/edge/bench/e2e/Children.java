package com.clisonix.edge.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Child processes of the harness and the free ports they run on. Every child is killed when the
 * harness exits, however it exits, so a run never leaves a broker or database behind.
 */
final class Children {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(p -> p.destroyForcibly()), "children-reaper"));
  }

  private Children() {
  }

  static Process start(List<String> cmd, Path log) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      LIVE.add(p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + cmd, e);
    }
  }

  static void track(Process p) {
    LIVE.add(p);
  }

  static void forget(Process p) {
    LIVE.remove(p);
  }

  /** Runs a command to completion; fails with its output if it exits non-zero. */
  static String run(List<String> cmd, int timeoutSeconds) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      LIVE.add(p);
      try {
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException(cmd + " did not finish in " + timeoutSeconds + " s");
        }
        String text = new String(out, java.nio.charset.StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
          throw new IllegalStateException(cmd + " exited " + p.exitValue() + ":\n" + text);
        }
        return text;
      } finally {
        LIVE.remove(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + cmd, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + cmd, e);
    }
  }

  /** A loopback port nobody listens on right now. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  /** Waits for a Vert.x future from a harness thread (never an event loop). */
  static <T> T await(io.vertx.core.Future<T> f, long millis) {
    try {
      return f.await(millis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("no answer in " + millis + " ms", e);
    }
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
