package com.clisonix.edge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Servers in Docker containers, for machines with a Docker engine but without the services
 * installed. Kept apart so the rest of the extension never touches Testcontainers classes
 * unless Docker was found.
 */
final class ContainerServers {

  private static final Duration STARTUP = Duration.ofMinutes(2);

  private ContainerServers() {
  }

  /** PostgreSQL trusting every connection, as the CI machines' loopback server does. */
  static PostgresServer postgres(String image) {
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
        .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
        .withExposedPorts(5432)
        // the entrypoint starts the server twice: once to initialise, once for real
        .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2))
        .withStartupTimeout(STARTUP);
    container.start();
    return new PostgresServer(container.getHost(), container.getMappedPort(5432), "postgres",
        null, "postgres", null, ServiceSource.TESTCONTAINERS, container::stop);
  }

  static RedisServerHandle redis(String image) {
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
        .withExposedPorts(6379)
        .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*\\s", 1))
        .withStartupTimeout(STARTUP);
    container.start();
    URI uri = URI.create("redis://" + container.getHost() + ":" + container.getMappedPort(6379));
    return new RedisServerHandle(uri, ServiceSource.TESTCONTAINERS, container::stop);
  }

  /**
   * Mosquitto with the gym's limits and persistence but without accounts or ACL: a container
   * cannot be told about bridge accounts as cheaply as a child process, so here, as with
   * Moquette, any credentials are accepted.
   */
  static MqttBackend mosquitto(String image, Optional<Path> repoRoot) {
    Path conf;
    try {
      String shipped = repoRoot.isPresent()
          ? Files.readString(repoRoot.get().resolve(RepoRoot.MOSQUITTO_DIR)
              .resolve("mosquitto.conf"), StandardCharsets.UTF_8)
          : "";
      MosquittoConfigGenerator.Settings settings = new MosquittoConfigGenerator.Settings(1883,
          "0.0.0.0", Path.of("/mosquitto/data"), null, null, null);
      conf = Files.createTempFile("clisonix-mosquitto-container-", ".conf");
      Files.writeString(conf, MosquittoConfigGenerator.testConfig(shipped, settings),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the container's Mosquitto configuration", e);
    }
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
        .withCopyFileToContainer(MountableFile.forHostPath(conf), "/mosquitto/config/mosquitto.conf")
        .withCommand("mosquitto", "-c", "/mosquitto/config/mosquitto.conf")
        .withExposedPorts(1883)
        .waitingFor(Wait.forListeningPort())
        .withStartupTimeout(STARTUP);
    container.start();
    String host = container.getHost();
    int port = container.getMappedPort(1883);
    return new MqttBackend() {
      @Override
      public ClassMqtt open(String topicRoot) {
        return new SharedBrokerMqtt("mqtt", host, port, topicRoot, ServiceSource.TESTCONTAINERS,
            MqttBackends::unchecked);
      }

      @Override
      public void close() {
        container.stop();
        try {
          Files.deleteIfExists(conf);
        } catch (IOException e) {
          // a leftover file in the temp folder is harmless
        }
      }
    };
  }
}
