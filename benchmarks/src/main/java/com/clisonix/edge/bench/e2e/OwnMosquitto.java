package com.clisonix.edge.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The harness's own Mosquitto, run from the gym's shipped {@code config/mosquitto/} files: every
 * limit, the persistence and the ACL as shipped; only the listener, file locations, log and
 * service user are replaced (as {@code MosquittoConfigGenerator} in the sensor test-jar does for
 * tests). Accounts are written with {@code mosquitto_passwd}.
 */
final class OwnMosquitto {
  private static final Set<String> REPLACED = Set.of("listener", "port", "bind_address", "pid_file",
      "persistence_location", "password_file", "acl_file", "allow_anonymous", "log_dest", "user", "include_dir",
      "cafile", "certfile", "keyfile", "tls_version");

  final int port;
  private final Path dir;
  private final Map<String, String> accounts = new LinkedHashMap<>();
  private Process process;

  OwnMosquitto(Path repo, Path dir, List<String> users) {
    this.dir = dir;
    this.port = Children.freePort();
    for (String u : users) {
      accounts.put(u, UUID.randomUUID().toString().replace("-", ""));
    }
    try {
      Files.createDirectories(dir.resolve("data"));
      Path passwd = dir.resolve("passwd");
      Files.deleteIfExists(passwd);
      Files.createFile(passwd);
      for (Map.Entry<String, String> a : accounts.entrySet()) {
        Children.run(List.of("mosquitto_passwd", "-b", passwd.toString(), a.getKey(), a.getValue()), 30);
      }
      Files.copy(repo.resolve("config/mosquitto/acl"), dir.resolve("acl"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      String shipped = Files.readString(repo.resolve("config/mosquitto/mosquitto.conf"), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("mosquitto.conf"), config(shipped), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare Mosquitto in " + dir, e);
    }
  }

  private String config(String shipped) {
    StringBuilder out = new StringBuilder();
    for (String line : shipped.split("\\R")) {
      String s = line.strip();
      String key = s.isEmpty() || s.startsWith("#") ? null : s.split("\\s+")[0].toLowerCase(Locale.ROOT);
      out.append(key != null && REPLACED.contains(key) ? "# (harness) " + s : line).append('\n');
    }
    out.append("persistence_location ").append(dir.resolve("data")).append("/\n")
        .append("allow_anonymous false\n")
        .append("password_file ").append(dir.resolve("passwd")).append('\n')
        .append("acl_file ").append(dir.resolve("acl")).append('\n')
        .append("log_dest stdout\n")
        .append("user ").append(System.getProperty("user.name")).append('\n')
        .append("listener ").append(port).append(" 127.0.0.1\n");
    return out.toString();
  }

  String password(String user) {
    return accounts.get(user);
  }

  void start() {
    process = Children.start(List.of("mosquitto", "-c", dir.resolve("mosquitto.conf").toString()),
        dir.resolve("mosquitto.log"));
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mosquitto exited; see " + dir.resolve("mosquitto.log"));
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Children.sleep(50);
      }
    }
    throw new IllegalStateException("mosquitto did not listen on " + port + " in 15 s");
  }

  /** SIGTERM, as a service manager stops it: it writes its persistence file first. */
  void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Children.forget(process);
    process = null;
  }

  long pid() {
    return process == null ? -1 : process.pid();
  }

  static List<String> users(int bridges, int cameras) {
    List<String> u = new ArrayList<>(List.of("gateway", "bench-sub"));
    for (int i = 1; i <= bridges; i++) {
      u.add(bridge(i));
    }
    for (int i = 1; i <= cameras; i++) {
      u.add(camera(i));
    }
    return u;
  }

  static String bridge(int i) {
    return "bench-bridge-" + i;
  }

  static String camera(int i) {
    return "camera-bench-" + i;
  }
}
