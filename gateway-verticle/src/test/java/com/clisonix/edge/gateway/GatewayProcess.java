package com.clisonix.edge.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar run as a child process, as an operator runs it. Its output goes to files, as
 * a service manager would keep it, so nothing written just before exit can be lost in a pipe.
 */
final class GatewayProcess implements AutoCloseable {
  private static final Pattern PORT = Pattern.compile("http_port=(\\d+)");
  private final Process process;
  private final Path out;
  private final Path err;

  private GatewayProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  static Path jar() {
    // relative paths are the module's: failsafe runs there
    Path jar = Path.of(System.getProperty("clisonix.jar", "target/clisonix-edge.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the packaged jar " + jar + " is missing: run 'mvn verify' (failsafe runs after package)");
    }
    return jar;
  }

  /** Starts the jar in {@code workDir} with no CLISONIX_* variables but {@code env}. */
  static GatewayProcess start(Path workDir, Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-jar", jar().toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "gateway", ".out");
    Path err = Files.createTempFile(workDir, "gateway", ".err");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("CLISONIX_"));
    pb.environment().putAll(env);
    return new GatewayProcess(pb.start(), out, err);
  }

  List<String> stdout() {
    return lines(out);
  }

  List<String> stderr() {
    return lines(err);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  /** The HTTP port from the start-up log line, once it has been printed. */
  int httpPort() {
    for (String line : stderr()) {
      Matcher m = PORT.matcher(line);
      if (line.contains("event=gateway_started") && m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return -1;
  }

  /** The running jar, to read its CPU time and find the servers it started. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL, as a power cut or the OOM killer ends a process; returns once it is gone. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM, as systemd or a container runtime stops a service. */
  void terminate() {
    process.destroy();
  }

  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("gateway did not exit within " + seconds + " s\n" + output());
    }
    return process.exitValue();
  }

  String output() {
    return "stdout:\n" + String.join("\n", stdout()) + "\nstderr:\n" + String.join("\n", stderr());
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
