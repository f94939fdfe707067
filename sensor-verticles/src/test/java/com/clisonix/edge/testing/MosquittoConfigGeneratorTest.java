package com.clisonix.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test copy of the gym's broker configuration keeps the product's settings. */
class MosquittoConfigGeneratorTest {

  private static final Path ROOT = RepoRoot.require();

  @TempDir
  Path dir;

  private final String shippedConf = read("mosquitto.conf");
  private final String shippedAcl = read("acl");

  @Test
  void everyLimitAndPersistenceSettingIsKeptAsShipped() {
    String generated = MosquittoConfigGenerator.testConfig(shippedConf, authSettings(18830));

    Map<String, String> shipped = MosquittoConfigGenerator.options(shippedConf);
    Map<String, String> test = MosquittoConfigGenerator.options(generated);
    for (String kept : new String[] {"max_inflight_messages", "max_inflight_bytes",
        "max_queued_messages", "max_queued_bytes", "persistence", "autosave_interval",
        "autosave_on_changes", "persistent_client_expiration", "max_packet_size",
        "per_listener_settings", "queue_qos0_messages"}) {
      assertThat(test.get(kept)).as(kept).isNotNull().isEqualTo(shipped.get(kept));
    }
  }

  @Test
  void onlyTheMachineSpecificPartsAreReplaced() {
    String generated = MosquittoConfigGenerator.testConfig(shippedConf, authSettings(18830));

    Map<String, String> test = MosquittoConfigGenerator.options(generated);
    assertThat(test).containsEntry("listener", "18830 127.0.0.1")
        .containsEntry("persistence_location", dir.resolve("data") + "/")
        .containsEntry("password_file", dir.resolve("passwd").toString())
        .containsEntry("acl_file", dir.resolve("acl").toString())
        .containsEntry("allow_anonymous", "false")
        .containsEntry("log_dest", "stdout")
        .containsEntry("user", "tester")
        .doesNotContainKeys("pid_file", "cafile", "certfile", "keyfile", "tls_version");
    assertThat(generated.lines().filter(line -> line.startsWith("listener "))).hasSize(1);
  }

  @org.junit.jupiter.api.Tag("system") // runs the real Mosquitto binary (Debian package mosquitto)
  @Test
  void withoutAPasswordFileTheBrokerIsOpenAndTheRealBinaryAcceptsAnyAccount() throws Exception {
    int port = FreePorts.pick();
    Path conf = dir.resolve("open.conf");
    Files.writeString(conf, MosquittoConfigGenerator.testConfig(shippedConf,
        new MosquittoConfigGenerator.Settings(port, "127.0.0.1", dir.resolve("data"), null, null,
            System.getProperty("user.name"))));
    assertThat(MosquittoConfigGenerator.options(Files.readString(conf)))
        .containsEntry("allow_anonymous", "true").doesNotContainKeys("password_file", "acl_file");
    Files.createDirectories(dir.resolve("data"));
    Path binary = new SystemServiceProbes().mosquittoBinary().orElseThrow(() ->
        new AssertionError("Mosquitto is needed for this test: apt-get install mosquitto"));

    Process process = new ProcessBuilder(binary.toString(), "-c", conf.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
    ChildProcesses.register(process);
    try {
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> MqttConnectProbe.connect(
          "127.0.0.1", port, MqttBackends.unchecked("bridge-x"), Duration.ofSeconds(2))
          == MqttConnectProbe.ACCEPTED);
      assertThat(MqttConnectProbe.connect("127.0.0.1", port, null, Duration.ofSeconds(2)))
          .isEqualTo(MqttConnectProbe.ACCEPTED);
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
      ChildProcesses.forget(process);
    }
  }

  @Test
  void theAclGetsTheTestRootAndKeepsEveryRule() {
    String acl = MosquittoConfigGenerator.testAcl(shippedAcl, "gym/tabc12345");

    assertThat(acl.lines().filter(line -> !line.startsWith("#")))
        .noneMatch(rule -> rule.contains("gym/demo"));
    assertThat(acl).contains("topic read gym/tabc12345/#")
        .contains("topic write gym/tabc12345/live/#")
        .contains("pattern write gym/tabc12345/ble/%u/#")
        .contains("pattern write home/%u/#")
        .contains("pattern write gym/tabc12345/camera/%u/#");
    assertThat(acl.lines().count()).isEqualTo(shippedAcl.lines().count());
    assertThat(acl.replace("gym/tabc12345", "gym/demo").strip()).isEqualTo(shippedAcl.strip());
  }

  @Test
  void aRootThatWouldChangeTheRulesIsRefused() {
    for (String bad : new String[] {"", "gym/+", "gym/#", "gym/ demo", "gym/%u", "gym/demo/"}) {
      assertThatThrownBy(() -> MosquittoConfigGenerator.testAcl(shippedAcl, bad))
          .as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theRepositoryRootIsFoundFromThePropertyOrByWalkingUp() {
    Path module = ROOT.resolve("sensor-verticles");

    assertThat(RepoRoot.find(ROOT.toString(), dir)).contains(ROOT);
    assertThat(RepoRoot.find(null, module)).contains(ROOT);
    assertThat(RepoRoot.find(dir.toString(), module)).contains(ROOT);
    assertThat(RepoRoot.find(null, dir)).isEmpty();
  }

  private MosquittoConfigGenerator.Settings authSettings(int port) {
    return new MosquittoConfigGenerator.Settings(port, "127.0.0.1", dir.resolve("data"),
        dir.resolve("passwd"), dir.resolve("acl"), "tester");
  }

  private static String read(String name) {
    try {
      return Files.readString(ROOT.resolve("config/mosquitto").resolve(name),
          StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
