package com.clisonix.edge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the {@code mosquitto} binary: started with a configuration, considered ready only
 * when it accepts a real login, reloaded with SIGHUP, stopped with SIGTERM so it writes its
 * persistence as it does under a service manager.
 */
final class MosquittoProcess {

  private static final Logger LOG = LoggerFactory.getLogger(MosquittoProcess.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final Process process;
  private final Path conf;
  private final Path log;
  private final String host;
  private final int port;

  private MosquittoProcess(Process process, Path conf, Path log, String host, int port) {
    this.process = process;
    this.conf = conf;
    this.log = log;
    this.host = host;
    this.port = port;
  }

  /**
   * Starts the broker and returns once it accepts the account.
   *
   * @param log the file its output is appended to
   * @throws PortTakenException when another process holds the port
   */
  static MosquittoProcess start(Path binary, Path conf, Path log, String host, int port,
      Credentials account) {
    Process process;
    try {
      process = new ProcessBuilder(binary.toString(), "-c", conf.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + binary, e);
    }
    ChildProcesses.register(process);
    MosquittoProcess started = new MosquittoProcess(process, conf, log, host, port);
    try {
      started.awaitAccepted(account, "start-up");
    } catch (RuntimeException e) {
      started.stop();
      throw e;
    }
    LOG.debug("Mosquitto ready on {}:{}", host, port);
    return started;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Makes the broker reread its password file and ACL; returns once it accepts the account. */
  void reload(Credentials account) {
    try {
      Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("Could not send SIGHUP to Mosquitto " + process.pid());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not send SIGHUP to Mosquitto", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reloading Mosquitto", e);
    }
    awaitAccepted(account, "reloading its accounts");
  }

  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Mosquitto on port {} ignored SIGTERM for {} s; killing it", port,
            STOP_TIMEOUT.toSeconds());
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } finally {
      ChildProcesses.forget(process);
    }
  }

  /** Polls with a real CONNECT until the account is accepted, the process dies or time runs out. */
  private void awaitAccepted(Credentials account, String what) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    int code = MqttConnectProbe.NO_ANSWER;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String tail = logTail();
        if (tail.contains("Address already in use")) {
          throw new PortTakenException(port, tail);
        }
        throw new IllegalStateException("Mosquitto exited during " + what + " (config " + conf
            + "):\n" + tail);
      }
      code = MqttConnectProbe.connect(host, port, account, PROBE_TIMEOUT);
      if (code == MqttConnectProbe.ACCEPTED) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Mosquitto", e);
      }
    }
    throw new IllegalStateException("Mosquitto on port " + port + " did not accept "
        + account.username() + " within " + READY_TIMEOUT.toSeconds() + " s of " + what
        + " (last CONNACK code " + code + "):\n" + logTail());
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Another process bound the port between it being picked and Mosquitto binding it. */
  static final class PortTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortTakenException(int port, String log) {
      super("Port " + port + " is taken:\n" + log);
    }
  }
}
