package com.clisonix.edge.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real answers to {@link ServiceProbes}, asked of this machine. */
final class SystemServiceProbes implements ServiceProbes {

  private static final Logger LOG = LoggerFactory.getLogger(SystemServiceProbes.class);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
  /** Docker discovery can try several sockets and a remote host; it gets a hard limit. */
  private static final Duration DOCKER_TIMEOUT = Duration.ofSeconds(20);

  private static volatile Boolean dockerAnswer;

  @Override
  public Map<String, String> environment() {
    return System.getenv();
  }

  @Override
  public Map<String, String> systemProperties() {
    Map<String, String> copy = new HashMap<>();
    Properties properties = System.getProperties();
    for (String name : properties.stringPropertyNames()) {
      copy.put(name, properties.getProperty(name));
    }
    return copy;
  }

  @Override
  public boolean answers(ServiceKind kind, String host, int port) {
    return switch (kind) {
      case POSTGRES -> postgresAnswers(host, port);
      case REDIS -> redisAnswers(host, port);
      case MQTT -> MqttConnectProbe.connect(host, port, null, PROBE_TIMEOUT)
          != MqttConnectProbe.NO_ANSWER;
    };
  }

  /** A login as {@code postgres} without a password, and a query: what CI machines allow. */
  private static boolean postgresAnswers(String host, int port) {
    Properties props = new Properties();
    props.setProperty("user", "postgres");
    props.setProperty("connectTimeout", Long.toString(PROBE_TIMEOUT.toSeconds()));
    props.setProperty("socketTimeout", Long.toString(PROBE_TIMEOUT.toSeconds()));
    props.setProperty("loginTimeout", Long.toString(PROBE_TIMEOUT.toSeconds()));
    String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
    try (Connection connection = DriverManager.getConnection(url, props);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select 1")) {
      return rows.next() && rows.getInt(1) == 1;
    } catch (Exception e) {
      LOG.debug("No usable PostgreSQL at {}:{}: {}", host, port, e.getMessage());
      return false;
    }
  }

  private static boolean redisAnswers(String host, int port) {
    RedisAddress address = new RedisAddress(host, port, null, null, 0, false);
    try (RespClient client = RespClient.connect(address, PROBE_TIMEOUT)) {
      return "PONG".equals(client.command("PING"));
    } catch (Exception e) {
      LOG.debug("No usable Redis at {}:{}: {}", host, port, e.getMessage());
      return false;
    }
  }

  @Override
  public Optional<Path> mosquittoBinary() {
    Path debian = Path.of("/usr/sbin/mosquitto");
    if (Files.isExecutable(debian)) {
      return Optional.of(debian);
    }
    return onPath("mosquitto");
  }

  /** An executable of that name on the PATH. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean mosquittoConfigPresent() {
    return RepoRoot.find().isPresent();
  }

  @Override
  public boolean dockerAvailable() {
    Boolean answer = dockerAnswer;
    if (answer == null) {
      answer = askDocker();
      dockerAnswer = answer;
    }
    return answer;
  }

  /**
   * Runs Testcontainers' discovery on a daemon thread with a time limit: it may block on a
   * socket or throw (also {@code NoClassDefFoundError} when Testcontainers is absent), and
   * neither may stop the fallback to embedded servers.
   */
  private static boolean askDocker() {
    CompletableFuture<Boolean> answer = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        answer.complete(org.testcontainers.DockerClientFactory.instance().isDockerAvailable());
      } catch (Throwable t) {
        answer.complete(false);
      }
    }, "clisonix-docker-probe");
    thread.setDaemon(true);
    thread.start();
    try {
      return answer.get(DOCKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.info("Docker did not answer within {} s; not using Testcontainers",
          DOCKER_TIMEOUT.toSeconds());
      return false;
    }
  }

  @Override
  public boolean embeddedAvailable(ServiceKind kind) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    boolean amd64 = arch.equals("amd64") || arch.equals("x86_64");
    return switch (kind) {
      // only the linux-amd64 binaries are on the test classpath
      case POSTGRES -> classPresent("io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
          && os.contains("linux") && amd64
          && SystemServiceProbes.class.getClassLoader()
              .getResource("postgres-linux-x86_64.txz") != null;
      case REDIS -> classPresent("redis.embedded.RedisServer")
          && (os.contains("linux") || os.contains("mac"))
          && (amd64 || arch.equals("aarch64") || arch.equals("arm64"));
      case MQTT -> classPresent("io.moquette.broker.Server");
    };
  }

  private static boolean classPresent(String name) {
    try {
      Class.forName(name, false, SystemServiceProbes.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
