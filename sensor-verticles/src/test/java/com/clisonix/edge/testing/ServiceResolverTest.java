package com.clisonix.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every branch of the order in which test services are found, with the machine faked. */
class ServiceResolverTest {

  /** A machine whose every answer the test sets, and which records what was asked. */
  static final class FakeProbes implements ServiceProbes {
    final Map<String, String> env = new HashMap<>();
    final Map<String, String> props = new HashMap<>();
    final Set<ServiceKind> answering = EnumSet.noneOf(ServiceKind.class);
    final Set<ServiceKind> embedded = EnumSet.noneOf(ServiceKind.class);
    Path mosquitto;
    boolean configPresent = true;
    boolean docker;
    final List<String> asked = new ArrayList<>();

    @Override
    public Map<String, String> environment() {
      return env;
    }

    @Override
    public Map<String, String> systemProperties() {
      return props;
    }

    @Override
    public boolean answers(ServiceKind kind, String host, int port) {
      asked.add("answers " + kind + " " + host + ":" + port);
      return answering.contains(kind);
    }

    @Override
    public Optional<Path> mosquittoBinary() {
      asked.add("mosquitto");
      return Optional.ofNullable(mosquitto);
    }

    @Override
    public boolean mosquittoConfigPresent() {
      asked.add("config");
      return configPresent;
    }

    @Override
    public boolean dockerAvailable() {
      asked.add("docker");
      return docker;
    }

    @Override
    public boolean embeddedAvailable(ServiceKind kind) {
      asked.add("embedded " + kind);
      return embedded.contains(kind);
    }
  }

  private final FakeProbes probes = new FakeProbes();
  private final ServiceResolver resolver = new ServiceResolver(probes);

  @ParameterizedTest
  @EnumSource(ServiceKind.class)
  void aUriFromTheEnvironmentIsTheOnlyCandidateAndNothingIsProbed(ServiceKind kind) {
    String uri = switch (kind) {
      case POSTGRES -> "postgres://ci:secret@db.example:6543/edge?sslmode=require";
      case REDIS -> "redis://cache.example:7000/2";
      case MQTT -> "mqtt://bridge:pw@broker.example:1884";
    };
    probes.env.put(kind.environmentVariable(), uri);
    everythingElseAvailable();

    ServiceChoice choice = resolver.resolve(kind);

    assertThat(choice.source()).isEqualTo(ServiceSource.ENV);
    assertThat(choice.uri()).isEqualTo(URI.create(uri));
    assertThat(all(resolver.candidates(kind))).hasSize(1);
    assertThat(probes.asked).isEmpty();
  }

  @Test
  void theSystemPropertyWinsOverTheEnvironment() {
    probes.env.put("CLISONIX_TEST_REDIS_URI", "redis://from-env:6379");
    probes.props.put("clisonix.test.redis.uri", "redis://from-property:6379");

    assertThat(resolver.resolve(ServiceKind.REDIS).uri().getHost()).isEqualTo("from-property");
  }

  @Test
  void aBlankSettingCountsAsUnset() {
    probes.props.put("clisonix.test.pg.uri", "  ");
    probes.env.put("CLISONIX_TEST_PG_URI", "");
    probes.answering.add(ServiceKind.POSTGRES);

    assertThat(resolver.resolve(ServiceKind.POSTGRES).source()).isEqualTo(ServiceSource.LOOPBACK);
  }

  @Test
  void aUriOfTheWrongKindIsRejectedWithTheVariableNamedAndThePasswordHidden() {
    probes.env.put("CLISONIX_TEST_PG_URI", "mysql://root:topsecret@db:3306/x");

    assertThatThrownBy(() -> resolver.resolve(ServiceKind.POSTGRES))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("CLISONIX_TEST_PG_URI")
        .hasMessageContaining("root:***@db")
        .hasMessageNotContaining("topsecret");
  }

  @Test
  void anUnparsableUriIsRejected() {
    probes.props.put("clisonix.test.mqtt.uri", "mqtt://broker:1883/a b");

    assertThatThrownBy(() -> resolver.resolve(ServiceKind.MQTT))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("clisonix.test.mqtt.uri");
  }

  @Test
  void postgresOnTheLoopbackPortIsUsedAsUserPostgresWithoutPassword() {
    probes.answering.add(ServiceKind.POSTGRES);
    probes.docker = true;

    ServiceChoice choice = resolver.resolve(ServiceKind.POSTGRES);

    assertThat(choice.source()).isEqualTo(ServiceSource.LOOPBACK);
    assertThat(choice.uri()).isEqualTo(URI.create("postgres://postgres@127.0.0.1:5432/postgres"));
    assertThat(choice.describe()).isEqualTo("loopback 127.0.0.1:5432");
    assertThat(probes.asked).containsExactly("answers POSTGRES 127.0.0.1:5432");
  }

  @Test
  void redisOnTheLoopbackPortIsUsed() {
    probes.answering.add(ServiceKind.REDIS);

    ServiceChoice choice = resolver.resolve(ServiceKind.REDIS);

    assertThat(choice.source()).isEqualTo(ServiceSource.LOOPBACK);
    assertThat(choice.uri()).isEqualTo(URI.create("redis://127.0.0.1:6379"));
    assertThat(probes.asked).containsExactly("answers REDIS 127.0.0.1:6379");
  }

  @Test
  void mqttNeverUsesTheMachinesOwnBrokerButStartsMosquittoFromTheGymConfig() {
    everythingElseAvailable();

    ServiceChoice choice = resolver.resolve(ServiceKind.MQTT);

    assertThat(choice.source()).isEqualTo(ServiceSource.MOSQUITTO);
    assertThat(choice.binary()).isEqualTo(Path.of("/usr/sbin/mosquitto"));
    assertThat(probes.asked).noneMatch(question -> question.startsWith("answers"));
  }

  @Test
  void mosquittoWithoutTheGymConfigIsPassedOver() {
    probes.mosquitto = Path.of("/usr/sbin/mosquitto");
    probes.configPresent = false;
    probes.embedded.add(ServiceKind.MQTT);

    assertThat(resolver.resolve(ServiceKind.MQTT).source()).isEqualTo(ServiceSource.MOQUETTE);
  }

  @ParameterizedTest
  @EnumSource(ServiceKind.class)
  void testcontainersComeNextWhenDockerAnswers(ServiceKind kind) {
    probes.docker = true;
    probes.embedded.addAll(EnumSet.allOf(ServiceKind.class));

    ServiceChoice choice = resolver.resolve(kind);

    assertThat(choice.source()).isEqualTo(ServiceSource.TESTCONTAINERS);
    assertThat(choice.image()).isEqualTo(switch (kind) {
      case POSTGRES -> "postgres:15";
      case REDIS -> "redis:7";
      case MQTT -> "eclipse-mosquitto:2";
    });
  }

  @Test
  void embeddedServersAreTheLastResort() {
    probes.embedded.addAll(EnumSet.allOf(ServiceKind.class));

    assertThat(resolver.resolve(ServiceKind.POSTGRES).source()).isEqualTo(ServiceSource.EMBEDDED);
    assertThat(resolver.resolve(ServiceKind.REDIS).source()).isEqualTo(ServiceSource.EMBEDDED);
    assertThat(resolver.resolve(ServiceKind.MQTT).source()).isEqualTo(ServiceSource.MOQUETTE);
  }

  @Test
  void candidatesComeBestFirstSoThatAFailedStartCanFallThrough() {
    everythingElseAvailable();

    assertThat(all(resolver.candidates(ServiceKind.POSTGRES))).extracting(ServiceChoice::source)
        .containsExactly(ServiceSource.LOOPBACK, ServiceSource.TESTCONTAINERS,
            ServiceSource.EMBEDDED);
    assertThat(all(resolver.candidates(ServiceKind.REDIS))).extracting(ServiceChoice::source)
        .containsExactly(ServiceSource.LOOPBACK, ServiceSource.TESTCONTAINERS,
            ServiceSource.EMBEDDED);
    assertThat(all(resolver.candidates(ServiceKind.MQTT))).extracting(ServiceChoice::source)
        .containsExactly(ServiceSource.MOSQUITTO, ServiceSource.TESTCONTAINERS,
            ServiceSource.MOQUETTE);
  }

  @Test
  void laterProbesRunOnlyWhenAnEarlierCandidateIsRefused() {
    everythingElseAvailable();
    Iterator<ServiceChoice> candidates = resolver.candidates(ServiceKind.POSTGRES);

    assertThat(candidates.next().source()).isEqualTo(ServiceSource.LOOPBACK);
    assertThat(probes.asked).doesNotContain("docker", "embedded POSTGRES");

    assertThat(candidates.next().source()).isEqualTo(ServiceSource.TESTCONTAINERS);
    assertThat(probes.asked).contains("docker").doesNotContain("embedded POSTGRES");
  }

  @ParameterizedTest
  @EnumSource(ServiceKind.class)
  void nothingAvailableFailsWithEveryWayToProvideTheService(ServiceKind kind) {
    probes.mosquitto = null;

    assertThatThrownBy(() -> resolver.resolve(kind))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageStartingWith("No " + kind.displayName() + " for tests")
        .hasMessageContaining(kind.environmentVariable())
        .hasMessageContaining("-D" + kind.systemProperty())
        .hasMessageContaining("apt-get install")
        .hasMessageContaining("Docker");
    assertThat(all(resolver.candidates(kind))).isEmpty();
  }

  @Test
  void theNothingWorkedErrorCarriesEachFailure() {
    IllegalStateException loopback = new IllegalStateException("password authentication failed");
    IllegalStateException embedded = new IllegalStateException("initdb: cannot run as root");

    ServiceUnavailableException error =
        ServiceResolver.unavailable(ServiceKind.POSTGRES, List.of(loopback, embedded));

    assertThat(error.kind()).isEqualTo(ServiceKind.POSTGRES);
    assertThat(error.getMessage())
        .contains("password authentication failed", "initdb: cannot run as root",
            "CLISONIX_TEST_PG_URI", "apt-get install postgresql");
    assertThat(error.getSuppressed()).containsExactly(loopback, embedded);
  }

  private void everythingElseAvailable() {
    probes.answering.addAll(EnumSet.allOf(ServiceKind.class));
    probes.embedded.addAll(EnumSet.allOf(ServiceKind.class));
    probes.mosquitto = Path.of("/usr/sbin/mosquitto");
    probes.docker = true;
  }

  private static List<ServiceChoice> all(Iterator<ServiceChoice> candidates) {
    List<ServiceChoice> list = new ArrayList<>();
    candidates.forEachRemaining(list::add);
    return list;
  }
}
