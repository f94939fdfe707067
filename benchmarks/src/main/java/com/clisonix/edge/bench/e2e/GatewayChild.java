package com.clisonix.edge.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged gateway jar as its own process, configured the way an operator configures it:
 * the shipped {@code gateway.yaml} (with the rate limit raised, see {@link #writeConfig}) and the
 * contract's {@code CLISONIX_*} environment variables. GC pauses go to a unified log file.
 */
final class GatewayChild {
  private static final Pattern PORT = Pattern.compile("event=gateway_started .*http_port=(\\d+)");

  private final Path jar;
  private final Path dir;
  private final Map<String, String> env;
  private final List<String> jvmOpts;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private Path err;
  private int httpPort = -1;
  private int lives;

  GatewayChild(Path jar, Path dir, Map<String, String> env, List<String> jvmOpts) {
    this.jar = jar;
    this.dir = dir;
    this.env = env;
    this.jvmOpts = jvmOpts;
  }

  /**
   * The shipped configuration with one change: the per-user API rate limit is raised, because the
   * harness signs up hundreds of athletes as one admin before a run. Everything else (pool sizes,
   * batch sizes, limits) is as shipped.
   */
  static Path writeConfig(Path repo, Path dir) {
    try {
      String yaml = Files.readString(repo.resolve("config/gateway.yaml"), StandardCharsets.UTF_8)
          .replace("requests_per_minute: 100\n", "requests_per_minute: 1000000\n");
      Path out = dir.resolve("gateway.yaml");
      Files.writeString(out, yaml, StandardCharsets.UTF_8);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path gcLog() {
    return dir.resolve("gc-" + lives + ".log");
  }

  /** Starts the jar; returns at once (see {@link #awaitReady}). */
  void start() {
    lives++;
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOpts);
    cmd.add("-Xlog:gc:file=" + gcLog());
    cmd.addAll(List.of("-jar", jar.toString(), "--config", dir.resolve("gateway.yaml").toString()));
    err = dir.resolve("gateway-" + lives + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("CLISONIX_"));
    pb.environment().putAll(env);
    try {
      process = pb.start();
      Children.track(process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + jar, e);
    }
    httpPort = -1;
  }

  /** Waits until {@code /health/ready} answers 200; returns the milliseconds since {@code fromNanos}. */
  long awaitReady(long fromNanos, int timeoutSeconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("gateway exited " + process.exitValue() + ":\n" + tail());
      }
      if (httpPort < 0) {
        httpPort = portFromLog();
      }
      if (httpPort > 0 && status("/health/ready") == 200) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - fromNanos);
      }
      Children.sleep(10);
    }
    throw new IllegalStateException("gateway not ready in " + timeoutSeconds + " s:\n" + tail());
  }

  private int portFromLog() {
    try {
      for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
        Matcher m = PORT.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // not yet written
    }
    return -1;
  }

  int status(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  String metrics() {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(base() + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  String base() {
    return "http://127.0.0.1:" + httpPort;
  }

  int port() {
    return httpPort;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: a power cut or the OOM killer. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM and wait for the orderly stop. */
  void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  String gcText() {
    try {
      return Files.readString(gcLog(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
