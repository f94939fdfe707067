package com.clisonix.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension against the real servers it finds on this machine. */
@RealServices
@ExtendWith(VertxExtension.class)
class RealServicesExtensionTest {

  private static PostgresService classPg;
  private static RedisService classRedis;
  private static MqttService classMqtt;

  private final PostgresService constructorPg;
  private PostgresService eachPg;

  RealServicesExtensionTest(PostgresService pg) {
    this.constructorPg = pg;
  }

  @BeforeAll
  static void rememberTheClassServices(PostgresService pg, RedisService redis, MqttService mqtt) {
    classPg = pg;
    classRedis = redis;
    classMqtt = mqtt;
  }

  @BeforeEach
  void rememberTheEachServices(PostgresService pg) {
    eachPg = pg;
  }

  @Test
  void oneInstancePerClassWhereverItIsInjected(PostgresService pg, RedisService redis,
      MqttService mqtt) {
    assertThat(pg).isSameAs(classPg).isSameAs(constructorPg).isSameAs(eachPg);
    assertThat(redis).isSameAs(classRedis);
    assertThat(mqtt).isSameAs(classMqtt);
  }

  @Test
  void postgresAnswersOnTheClassDatabase(PostgresService pg, Vertx vertx) throws Exception {
    assertThat(pg.database()).matches("t_realservicesextensiontest_[a-z0-9]{8}");
    assertThat(pg.uri()).startsWith("postgres://" + pg.user())
        .contains("@" + pg.host() + ":" + pg.port() + "/" + pg.database());
    assertThat(pg.source()).isIn("env", "loopback", "testcontainers", "embedded");

    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(pg.uri())).using(vertx)
        .build();
    try {
      Row row = pool.query("select 1 as one, current_database() as db").execute()
          .map(rows -> rows.iterator().next())
          .await(20, TimeUnit.SECONDS);
      assertThat(row.getInteger("one")).isEqualTo(1);
      assertThat(row.getString("db")).isEqualTo(pg.database());
    } finally {
      pool.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void redisStoresUnderTheClassPrefix(RedisService redis, Vertx vertx) throws Exception {
    assertThat(redis.keyPrefix()).matches("t:[a-z0-9]{8}:");
    assertThat(redis.uri()).startsWith("redis");
    String key = redis.keyPrefix() + "athlete:42:hr";

    Redis client = Redis.createClient(vertx, redis.uri());
    try {
      String value = client.send(Request.cmd(Command.SET).arg(key).arg("72"))
          .compose(ok -> client.send(Request.cmd(Command.GET).arg(key)))
          .map(response -> response.toString())
          .await(10, TimeUnit.SECONDS);
      assertThat(value).isEqualTo("72");
    } finally {
      client.close().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void mqttCarriesTheGatewaysLivePublishUnderTheClassRoot(MqttService mqtt, Vertx vertx)
      throws Exception {
    assertThat(mqtt.topicRoot()).matches("gym/t[a-z0-9]{8}");
    assertThat(mqtt.uri()).isEqualTo("mqtt://" + mqtt.host() + ":" + mqtt.port());
    Credentials gateway = mqtt.gateway();
    String topic = mqtt.topicRoot() + "/live/u-1";

    MqttClient client = MqttClient.create(vertx, new MqttClientOptions()
        .setClientId("ext-test-" + System.nanoTime())
        .setUsername(gateway.username()).setPassword(gateway.password()));
    Promise<String> received = Promise.promise();
    client.publishHandler(message -> received.tryComplete(message.payload().toString()));
    Promise<Void> subscribed = Promise.promise();
    client.subscribeCompletionHandler(ack -> subscribed.tryComplete());
    try {
      String payload = client.connect(mqtt.port(), mqtt.host())
          .compose(ack -> client.subscribe(mqtt.topicRoot() + "/live/#", 1))
          .compose(id -> subscribed.future())
          .compose(v -> client.publish(topic, Buffer.buffer("{\"heart_rate\":72}"),
              MqttQoS.AT_LEAST_ONCE, false, false))
          .compose(id -> received.future())
          .await(15, TimeUnit.SECONDS);
      assertThat(payload).isEqualTo("{\"heart_rate\":72}");
    } finally {
      if (client.isConnected()) {
        client.disconnect().await(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void accountsMatchTheGymAcl(MqttService mqtt) {
    assertThat(mqtt.bridge("bridge-a")).isEqualTo(mqtt.bridge("bridge-a"));
    if (mqtt.source().equals("env")) {
      // a configured broker's accounts are unknown: every role uses the URI's account
      assertThat(mqtt.bridge("bridge-a")).isEqualTo(mqtt.gateway()).isEqualTo(mqtt.upstream());
    } else {
      assertThat(mqtt.gateway().username()).isEqualTo("gateway");
      assertThat(mqtt.upstream().username()).isEqualTo("upstream-analytics");
      assertThat(mqtt.bridge("bridge-a").username()).isEqualTo("bridge-a");
    }
    assertThat(mqtt.canRestart()).isEqualTo(mqtt.source().equals("mosquitto"));
  }

  /** A nested class is a test class of its own and must not see the outer class's resources. */
  @Nested
  class NestedClass {

    @Test
    void getsItsOwnDatabasePrefixAndRoot(PostgresService pg, RedisService redis,
        MqttService mqtt) {
      assertThat(pg.database()).startsWith("t_nestedclass_").isNotEqualTo(classPg.database());
      assertThat(redis.keyPrefix()).isNotEqualTo(classRedis.keyPrefix());
      assertThat(mqtt.topicRoot()).isNotEqualTo(classMqtt.topicRoot());
      assertThat(pg.source()).isEqualTo(classPg.source());
    }
  }
}
