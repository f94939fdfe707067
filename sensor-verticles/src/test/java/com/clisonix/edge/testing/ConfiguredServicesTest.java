package com.clisonix.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Servers given by URI (the {@code env} source): parsing, and what a wrong URI reports. */
@org.junit.jupiter.api.Tag("system") // needs the real Mosquitto binary and the gym's accounts (Debian package mosquitto)
class ConfiguredServicesTest {

  private static MosquittoBroker broker;

  @BeforeAll
  static void startABrokerToPointAt() {
    broker = MosquittoBroker.start(new SystemServiceProbes().mosquittoBinary().orElseThrow(() ->
            new AssertionError("Mosquitto is needed for this test: apt-get install mosquitto")),
        RepoRoot.require(), TestNames.topicRoot(TestNames.random()));
  }

  @AfterAll
  static void stopIt() {
    broker.close();
  }

  @Test
  void aPostgresUriKeepsItsLoginDatabaseAndParameters() {
    PostgresServer server = PostgresServer.fromUri(
        URI.create("postgresql://ci%40gym:p%3Ass@db.example:6543/edge?sslmode=require"),
        ServiceSource.ENV);

    assertThat(server.user()).isEqualTo("ci@gym");
    assertThat(server.password()).isEqualTo("p:ss");
    assertThat(server.adminDatabase()).isEqualTo("edge");
    assertThat(server.uri("t_x_12345678"))
        .isEqualTo("postgres://ci%40gym:p%3Ass@db.example:6543/t_x_12345678?sslmode=require");
  }

  @Test
  void aPostgresUriWithoutLoginMeansTheTrustedPostgresUser() {
    PostgresServer server = PostgresServer.fromUri(URI.create("postgres://db.example"),
        ServiceSource.ENV);

    assertThat(server.user()).isEqualTo("postgres");
    assertThat(server.password()).isNull();
    assertThat(server.port()).isEqualTo(5432);
    assertThat(server.uri("d")).isEqualTo("postgres://postgres@db.example:5432/d");
  }

  @Test
  void aRedisUriMayCarryAPasswordAndADatabase() {
    assertThat(RedisAddress.parse(URI.create("redis://:s3cret@cache:7000/3")))
        .isEqualTo(new RedisAddress("cache", 7000, null, "s3cret", 3, false));
    assertThat(RedisAddress.parse(URI.create("rediss://app:pw@cache")))
        .isEqualTo(new RedisAddress("cache", 6379, "app", "pw", 0, true));
  }

  @Test
  void aConfiguredBrokerIsUsedWithTheUrisAccountForEveryRole() {
    Credentials gateway = broker.gateway();
    URI uri = URI.create("mqtt://" + gateway.username() + ":" + gateway.password() + "@"
        + broker.host() + ":" + broker.port());

    try (MqttBackend backend = MqttBackends.configured(uri)) {
      MqttService mqtt = backend.open("gym/tconfigured");
      assertThat(mqtt.source()).isEqualTo("env");
      assertThat(mqtt.uri()).isEqualTo("mqtt://" + broker.host() + ":" + broker.port());
      assertThat(mqtt.gateway()).isEqualTo(gateway);
      assertThat(mqtt.bridge("bridge-a")).isEqualTo(gateway);
      assertThat(mqtt.canRestart()).isFalse();
      assertThatThrownBy(mqtt::stop).isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("shared");
    }
  }

  @Test
  void aConfiguredBrokerThatRefusesTheAccountIsReportedAsSuch() {
    URI uri = URI.create("mqtt://gateway:wrong@" + broker.host() + ":" + broker.port());

    assertThatThrownBy(() -> MqttBackends.configured(uri))
        .hasMessageContaining("refused the credentials");
  }

  @Test
  void aConfiguredBrokerThatIsNotThereIsReportedAsSuch() {
    URI uri = URI.create("mqtt://127.0.0.1:" + FreePorts.pick());

    assertThatThrownBy(() -> MqttBackends.configured(uri))
        .hasMessageContaining("no MQTT broker answers");
  }
}
