package com.clisonix.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The last-resort servers, started directly: on this machine the resolver never reaches them,
 * so without this test they would only be exercised on a machine that has nothing else. Also
 * checks what a class leaves behind: its database is dropped even with a connection still
 * open, and only its own Redis keys are deleted.
 */
@ExtendWith(VertxExtension.class)
class EmbeddedFallbackTest {

  /** max_packet_size of config/mosquitto/mosquitto.conf, which Moquette is given as well. */
  private static final int MAX_PACKET = 262_144;

  @Test
  void embeddedPostgresServesAClassDatabaseAndDropsItAfterwards() throws Exception {
    try (PostgresServer server = ServerStarters.postgres(choice(ServiceKind.POSTGRES,
        ServiceSource.EMBEDDED))) {
      ClassDatabase database = ClassDatabase.create(server, "EmbeddedFallbackTest");
      assertThat(database.source()).isEqualTo("embedded");
      assertThat(database.uri()).isEqualTo("postgres://postgres@127.0.0.1:" + server.port()
          + "/" + database.database());

      try (Connection leftOpen = server.connect(database.database());
          Statement statement = leftOpen.createStatement();
          ResultSet rows = statement.executeQuery("select current_database()")) {
        rows.next();
        assertThat(rows.getString(1)).isEqualTo(database.database());
        database.close();
      }

      assertThat(databaseExists(server, database.database())).isFalse();
    }
  }

  @Test
  void embeddedRedisKeepsOtherKeysWhenAClassIsCleanedUp() throws Exception {
    try (RedisServerHandle server = ServerStarters.redis(choice(ServiceKind.REDIS,
        ServiceSource.EMBEDDED))) {
      ClassRedis classRedis = ClassRedis.create(server);
      assertThat(classRedis.source()).isEqualTo("embedded");
      try (RespClient client = server.connect()) {
        for (int i = 0; i < 1500; i++) {
          client.command("SET", classRedis.keyPrefix() + "reading:" + i, "72");
        }
        client.command("SET", "t:someoneelse:reading", "80");

        classRedis.close();

        assertThat(client.command("DBSIZE")).isEqualTo(1L);
        assertThat(client.command("GET", "t:someoneelse:reading")).isEqualTo("80");
      }
    }
  }

  @Test
  void moquetteAcceptsTheTestAccountsAndPoseSizedMessages(Vertx vertx) throws Exception {
    try (MqttBackend backend = MqttBackends.start(choice(ServiceKind.MQTT,
        ServiceSource.MOQUETTE))) {
      MqttService mqtt = backend.open(TestNames.topicRoot(TestNames.random()));
      assertThat(mqtt.source()).isEqualTo("moquette");
      assertThat(mqtt.canRestart()).isFalse();
      MqttTestClient gateway = subscribedWithRetry(vertx, mqtt, mqtt.topicRoot() + "/camera/#");
      MqttTestClient camera = MqttTestClient.create(vertx,
          MqttTestClient.options(mqtt.bridge("camera-entrance"), "moquette-camera"));
      camera.connect(mqtt);
      // larger than Moquette's 8 KB default limit, like a pose frame of a crowded view
      Buffer frame = Buffer.buffer("x".repeat(40_000));

      camera.publish(mqtt.topicRoot() + "/camera/camera-entrance/pose", frame,
          MqttQoS.AT_LEAST_ONCE);

      Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> !gateway.received().isEmpty());
      assertThat(gateway.received().peek().payload().length()).isEqualTo(40_000);
      gateway.disconnect();
      camera.disconnect();
    }
  }

  /**
   * A fresh Moquette now and then ignores the first SUBSCRIBE after CONNACK
   * (DEPENDENCIES.md, gotchas); like the gateway's reconnect logic, try again on a new
   * connection rather than wait forever.
   */
  private static MqttTestClient subscribedWithRetry(Vertx vertx, MqttService mqtt, String filter)
      throws Exception {
    for (int attempt = 1; ; attempt++) {
      // vertx-mqtt's decoder silently drops messages over 8 KB unless told otherwise
      MqttTestClient client = MqttTestClient.create(vertx,
          MqttTestClient.options(mqtt.gateway(), "moquette-gateway").setMaxMessageSize(MAX_PACKET));
      client.connect(mqtt);
      try {
        client.subscribe(filter, 1, Duration.ofSeconds(3));
        return client;
      } catch (TimeoutException e) {
        client.disconnect();
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static ServiceChoice choice(ServiceKind kind, ServiceSource source) {
    return new ServiceChoice(kind, source, null, null, null);
  }

  private static boolean databaseExists(PostgresServer server, String name) throws Exception {
    try (Connection admin = server.connect(server.adminDatabase());
        Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery(
            "select count(*) from pg_database where datname = '" + name + "'")) {
      rows.next();
      return rows.getInt(1) > 0;
    }
  }
}
