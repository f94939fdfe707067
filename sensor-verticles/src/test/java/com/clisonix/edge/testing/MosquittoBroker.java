package com.clisonix.edge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Mosquitto child process running the gym's configuration from {@code config/mosquitto},
 * owned by one test class: its own port on 127.0.0.1, its own persistence folder, a password
 * file with the test accounts and the shipped ACL with the class's topic root. Because no
 * other class shares it, a test may {@link #stop()} and {@link #start()} it at will.
 */
public final class MosquittoBroker implements ClassMqtt {

  static final String GATEWAY = "gateway";
  static final String UPSTREAM = "upstream-analytics";
  static final String HOST = "127.0.0.1";

  private static final Logger LOG = LoggerFactory.getLogger(MosquittoBroker.class);
  private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final int PORT_ATTEMPTS = 3;

  private final Path binary;
  private final Path shippedConf;
  private final Path dir;
  private final Path confFile;
  private final Path passwordFile;
  private final Path logFile;
  private final Path passwdTool;
  private final String topicRoot;
  private final Map<String, String> accounts = new LinkedHashMap<>();
  private volatile int port;
  private MosquittoProcess process;

  private MosquittoBroker(Path binary, Path repoRoot, String topicRoot, Path passwdTool)
      throws IOException {
    this.binary = binary;
    this.topicRoot = topicRoot;
    this.passwdTool = passwdTool;
    Path shippedDir = repoRoot.resolve(RepoRoot.MOSQUITTO_DIR);
    this.shippedConf = shippedDir.resolve("mosquitto.conf");
    this.dir = Files.createTempDirectory("clisonix-mosquitto-");
    this.confFile = dir.resolve("mosquitto.conf");
    this.passwordFile = dir.resolve("passwd");
    this.logFile = dir.resolve("mosquitto.log");
    Files.createDirectories(dir.resolve("data"));
    String acl = Files.readString(shippedDir.resolve("acl"), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("acl"), MosquittoConfigGenerator.testAcl(acl, topicRoot),
        StandardCharsets.UTF_8);
    accounts.put(GATEWAY, newPassword());
    accounts.put(UPSTREAM, newPassword());
    MosquittoPasswords.write(passwordFile, accounts, passwdTool);
  }

  /**
   * Starts a broker from the repository's {@code config/mosquitto} and returns once it accepts
   * the gateway's account. The password file is written by {@code mosquitto_passwd} when it is
   * installed.
   */
  public static MosquittoBroker start(Path binary, Path repoRoot, String topicRoot) {
    return start(binary, repoRoot, topicRoot,
        MosquittoPasswords.tool(binary).orElse(null));
  }

  /** As {@link #start(Path, Path, String)}, with the tool chosen by the caller ({@code null}: none). */
  static MosquittoBroker start(Path binary, Path repoRoot, String topicRoot, Path passwdTool) {
    MosquittoBroker broker;
    try {
      broker = new MosquittoBroker(binary, repoRoot, topicRoot, passwdTool);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare a Mosquitto test broker", e);
    }
    try {
      broker.launchOnFreePort();
      return broker;
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  @Override
  public String uri() {
    return "mqtt://" + HOST + ":" + port;
  }

  @Override
  public String host() {
    return HOST;
  }

  @Override
  public synchronized int port() {
    return port;
  }

  @Override
  public String topicRoot() {
    return topicRoot;
  }

  @Override
  public String source() {
    return ServiceSource.MOSQUITTO.label();
  }

  @Override
  public synchronized Credentials gateway() {
    return new Credentials(GATEWAY, accounts.get(GATEWAY));
  }

  @Override
  public synchronized Credentials upstream() {
    return new Credentials(UPSTREAM, accounts.get(UPSTREAM));
  }

  /**
   * Adds the account on first use: the password file is rewritten and the running broker told
   * to reload it (SIGHUP), and this returns only once the broker accepts the new account.
   */
  @Override
  public synchronized Credentials bridge(String bridgeId) {
    if (bridgeId == null || !ACCOUNT.matcher(bridgeId).matches()) {
      throw new IllegalArgumentException("A bridge id is 1-64 characters of [A-Za-z0-9_-], not '"
          + bridgeId + "'");
    }
    if (bridgeId.equals(GATEWAY) || bridgeId.equals(UPSTREAM)) {
      throw new IllegalArgumentException("'" + bridgeId + "' is not a bridge account");
    }
    String password = accounts.get(bridgeId);
    if (password == null) {
      password = newPassword();
      accounts.put(bridgeId, password);
      try {
        MosquittoPasswords.write(passwordFile, accounts, passwdTool);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot add account " + bridgeId, e);
      }
      if (isRunning()) {
        process.reload(new Credentials(bridgeId, password));
      }
    }
    return new Credentials(bridgeId, password);
  }

  @Override
  public boolean canRestart() {
    return true;
  }

  @Override
  public synchronized void stop() {
    if (process != null) {
      process.stop();
      process = null;
    }
  }

  @Override
  public synchronized void start() {
    if (!isRunning()) {
      process = MosquittoProcess.start(binary, confFile, logFile, HOST, port, gateway());
    }
  }

  /** Stops the broker and deletes its folder. */
  @Override
  public synchronized void close() {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.debug("Could not delete {}: {}", dir, e.getMessage());
    }
  }

  synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The broker's folder: configuration, password file, ACL, log and {@code data/}. */
  Path directory() {
    return dir;
  }

  private void launchOnFreePort() {
    for (int attempt = 1; ; attempt++) {
      port = FreePorts.pick();
      writeConfig();
      try {
        process = MosquittoProcess.start(binary, confFile, logFile, HOST, port, gateway());
        LOG.debug("Mosquitto for topic root {} on port {}", topicRoot, port);
        return;
      } catch (MosquittoProcess.PortTakenException e) {
        if (attempt == PORT_ATTEMPTS) {
          throw new IllegalStateException("Mosquitto found its port taken " + PORT_ATTEMPTS
              + " times in a row", e);
        }
      }
    }
  }

  private void writeConfig() {
    try {
      String shipped = Files.readString(shippedConf, StandardCharsets.UTF_8);
      MosquittoConfigGenerator.Settings settings = new MosquittoConfigGenerator.Settings(port,
          HOST, dir.resolve("data"), passwordFile, dir.resolve("acl"),
          System.getProperty("user.name"));
      Files.writeString(confFile, MosquittoConfigGenerator.testConfig(shipped, settings),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the test copy of " + shippedConf, e);
    }
  }

  private static String newPassword() {
    return TestNames.random() + TestNames.random();
  }

  @Override
  public String toString() {
    return "MqttService[mosquitto " + uri() + ", root " + topicRoot + "]";
  }
}
