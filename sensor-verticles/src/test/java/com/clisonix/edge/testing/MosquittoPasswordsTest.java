package com.clisonix.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password files written here must be the ones Mosquitto's own tool writes and its broker reads. */
class MosquittoPasswordsTest {

  @TempDir
  Path dir;

  @org.junit.jupiter.api.Tag("system") // restarts or configures the real Mosquitto (Debian package mosquitto)
  @Test
  void theHashEqualsMosquittoPasswdsForTheSameSalt() throws Exception {
    Path tool = MosquittoPasswords.tool(mosquitto()).orElseThrow(() -> new AssertionError(
        "mosquitto_passwd is needed for this test: apt-get install mosquitto"));
    Path file = dir.resolve("passwd");
    Map<String, String> accounts = new LinkedHashMap<>();
    accounts.put("bridge-a", "s3cret-Pa55");
    accounts.put("camera-entrance", "another one");

    MosquittoPasswords.write(file, accounts, tool);

    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String user = line.substring(0, line.indexOf(':'));
      String[] parts = line.substring(user.length() + 1).split("\\$");
      // "", "7", iterations, salt, hash
      assertThat(parts[1]).isEqualTo("7");
      int iterations = Integer.parseInt(parts[2]);
      byte[] salt = Base64.getDecoder().decode(parts[3]);
      assertThat(iterations).isEqualTo(MosquittoPasswords.ITERATIONS);
      assertThat(salt).hasSize(MosquittoPasswords.SALT_BYTES);
      assertThat(MosquittoPasswords.line(user, accounts.get(user), salt, iterations))
          .isEqualTo(line);
    }
  }

  @Test
  void aLineHasTheShapeMosquittoReads() {
    String line = MosquittoPasswords.line("gateway", "pw");

    assertThat(line).matches("gateway:\\$7\\$101\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}==");
    assertThat(MosquittoPasswords.line("gateway", "pw")).isNotEqualTo(line);
  }

  @org.junit.jupiter.api.Tag("system") // restarts or configures the real Mosquitto (Debian package mosquitto)
  @Test
  void theBrokerAcceptsAFileWrittenWithoutTheToolAndReloadsNewAccounts() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start(mosquitto(), RepoRoot.require(),
        TestNames.topicRoot(TestNames.random()), null)) {
      Credentials gateway = broker.gateway();
      assertThat(probe(broker, gateway)).isEqualTo(MqttConnectProbe.ACCEPTED);
      assertThat(probe(broker, new Credentials("gateway", gateway.password() + "x")))
          .isNotEqualTo(MqttConnectProbe.ACCEPTED).isNotEqualTo(MqttConnectProbe.NO_ANSWER);
      assertThat(probe(broker, new Credentials("bridge-late", "guess")))
          .isNotEqualTo(MqttConnectProbe.ACCEPTED);

      Credentials late = broker.bridge("bridge-late");

      assertThat(probe(broker, late)).isEqualTo(MqttConnectProbe.ACCEPTED);
      assertThat(probe(broker, gateway)).isEqualTo(MqttConnectProbe.ACCEPTED);
    }
  }

  private static int probe(MosquittoBroker broker, Credentials credentials) {
    return MqttConnectProbe.connect(broker.host(), broker.port(), credentials,
        Duration.ofSeconds(5));
  }

  private static Path mosquitto() {
    return new SystemServiceProbes().mosquittoBinary().orElseThrow(() -> new AssertionError(
        "Mosquitto is needed for this test: apt-get install mosquitto"));
  }
}
