package com.clisonix.edge.gateway.demo;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * What {@code --demo} brings up when the configuration names no broker, edge database or Redis:
 * Moquette, a real PostgreSQL (zonky's binaries from Maven) and a real redis-server (shipped in
 * embedded-redis). They are real servers, so the gateway runs its production code paths against
 * them. Standard ports are used when free, otherwise any free port.
 */
public final class DemoEnvironment {
  private static final Logger LOG = LoggerFactory.getLogger(DemoEnvironment.class);

  private volatile Server broker;
  private volatile EmbeddedPostgres postgres;
  private volatile RedisServer redis;
  private volatile DemoSecrets secrets;

  private volatile int athletes = 24;

  public DemoSecrets secrets() {
    return secrets;
  }

  /** Athletes in the simulated class ({@code demo.athletes}, 24 by default). */
  public int athletes() {
    return athletes;
  }

  /**
   * Starts what is missing, the three servers side by side (PostgreSQL takes the longest), and
   * returns the configuration tree with their URIs and the demo secrets filled in.
   */
  public Future<JsonObject> start(Vertx vertx, JsonObject tree) {
    JsonObject out = tree.copy();
    JsonObject demo = out.getJsonObject("demo", new JsonObject());
    Path dataDir = Path.of(demo.getString("data_dir", ".clisonix-demo")).toAbsolutePath();
    Object n = demo.getValue("athletes");
    if (n != null) {
      try {
        athletes = Math.max(1, Math.min(500, Integer.parseInt(n.toString().trim())));
      } catch (NumberFormatException e) {
        return Future.failedFuture(new com.clisonix.edge.gateway.config.ConfigException("demo.athletes",
            "demo.athletes must be a whole number from 1 to 500, got '" + n + "'"));
      }
    }
    return vertx.executeBlocking(() -> {
      secrets = DemoSecrets.loadOrCreate(dataDir);
      fillIfAbsent(out, "auth", "jwt_secret", secrets.jwtSecret());
      fillIfAbsent(out, "auth", "admin_password", secrets.adminPassword());
      fillIfAbsent(out, "encryption", "keys", secrets.encryptionKeys());
      fillIfAbsent(out, "encryption", "lookup_key", secrets.lookupKey());
      return out;
    }, false).compose(t -> Future.all(
        has(t, "mqtt", "uri") ? Future.succeededFuture() : vertx.executeBlocking(() -> startBroker(t), false),
        has(t, "edge_db", "uri") ? Future.succeededFuture() : vertx.executeBlocking(() -> startPostgres(t, dataDir), false),
        has(t, "redis", "uri") ? Future.succeededFuture() : vertx.executeBlocking(() -> startRedis(t), false)))
        .map(all -> out)
        .recover(err -> vertx.executeBlocking(() -> {
          stopBlocking();
          return null;
        }, false).transform(ar -> Future.failedFuture(err)));
  }

  private Void startBroker(JsonObject out) throws IOException {
    int port = portOr(1883);
    Properties p = new Properties();
    p.setProperty("port", Integer.toString(port));
    p.setProperty("host", "127.0.0.1");
    p.setProperty("allow_anonymous", "true");
    p.setProperty("persistence_enabled", "false");
    p.setProperty("telemetry_enabled", "false");
    p.setProperty("websocket_port", "disabled");
    p.setProperty("netty.mqtt.message_size", Integer.toString(1024 * 1024));
    broker = new Server();
    broker.startServer(new MemoryConfig(p));
    put(out, "mqtt", "uri", "mqtt://127.0.0.1:" + port);
    LOG.info("event=demo_broker_started kind=moquette port={}", port);
    return null;
  }

  private Void startPostgres(JsonObject out, Path dataDir) throws IOException {
    int port = portOr(5432);
    Path pgDir = dataDir.resolve("postgres");
    Files.createDirectories(pgDir);
    postgres = EmbeddedPostgres.builder()
        .setPort(port)
        .setOverrideWorkingDirectory(pgDir.toFile())
        .setCleanDataDirectory(true)
        .setRegisterShutdownHook(false)
        .start();
    put(out, "edge_db", "uri", "postgres://postgres@127.0.0.1:" + port + "/postgres");
    LOG.info("event=demo_postgres_started port={}", port);
    return null;
  }

  private Void startRedis(JsonObject out) throws IOException {
    int port = portOr(6379);
    redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
        .setting("save \"\"").setting("appendonly no").build();
    redis.start();
    put(out, "redis", "uri", "redis://127.0.0.1:" + port);
    LOG.info("event=demo_redis_started port={}", port);
    return null;
  }

  /** Stops what {@link #start} started; blocking, safe to call twice. */
  public synchronized void stopBlocking() {
    if (broker != null) {
      broker.stopServer();
      broker = null;
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        LOG.warn("event=demo_postgres_stop_failed error=\"{}\"", e.getMessage());
      }
      postgres = null;
    }
    if (redis != null) {
      try {
        redis.stop();
      } catch (IOException e) {
        LOG.warn("event=demo_redis_stop_failed error=\"{}\"", e.getMessage());
      }
      redis = null;
    }
  }

  private static int portOr(int preferred) throws IOException {
    try (ServerSocket s = new ServerSocket(preferred, 1, InetAddress.getByName("127.0.0.1"))) {
      return preferred;
    } catch (IOException taken) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
        return s.getLocalPort();
      }
    }
  }

  private static boolean has(JsonObject tree, String section, String key) {
    JsonObject s = tree.getJsonObject(section);
    return s != null && s.getValue(key) != null && !s.getValue(key).toString().isBlank();
  }

  private static void fillIfAbsent(JsonObject tree, String section, String key, String value) {
    if (!has(tree, section, key)) {
      put(tree, section, key, value);
    }
  }

  /** Three servers fill the tree from three worker threads. */
  private static synchronized void put(JsonObject tree, String section, String key, String value) {
    JsonObject s = tree.getJsonObject(section);
    if (s == null) {
      s = new JsonObject();
      tree.put(section, s);
    }
    s.put(key, value);
  }
}
