package com.clisonix.edge.sensor.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class FloorSimulatorMainTest {

  @Test
  void theCommandLineBecomesTheVerticleConfig() {
    JsonObject config = new JsonObject();
    long duration = FloorSimulatorMain.parse(new String[] {"--uri", "mqtt://bridge%2D1:p%40ss+w@broker.local:1884",
        "--root", "gym/north", "--athletes", "200", "--seed", "9", "--duration", "30", "--rate", "2.5",
        "--bridge-ids", "bridge-1", "--camera-ids", "bridge-1"}, config);
    assertThat(duration).isEqualTo(30);
    assertThat(config.getString("host")).isEqualTo("broker.local");
    assertThat(config.getInteger("port")).isEqualTo(1884);
    assertThat(config.getBoolean("tls")).isFalse();
    assertThat(config.getString("username")).isEqualTo("bridge-1");
    assertThat(config.getString("password")).as("a plus sign in user info is a plus sign").isEqualTo("p@ss+w");
    FloorSimulatorOptions options = FloorSimulatorOptions.fromJson(config);
    assertThat(options.spec().topicRoot()).isEqualTo("gym/north");
    assertThat(options.spec().athletes()).isEqualTo(200);
    assertThat(options.spec().seed()).isEqualTo(9);
    assertThat(options.spec().bridgeIds()).containsExactly("bridge-1");
    assertThat(options.spec().cameraIds()).containsExactly("bridge-1");
    assertThat(options.rate()).isEqualTo(2.5);
    assertThat(options.spec().withTs()).as("simulated time leaves the wall clock at another rate").isFalse();
  }

  @Test
  void tlsAndDefaults() {
    JsonObject config = new JsonObject();
    assertThat(FloorSimulatorMain.parse(new String[] {"--uri", "mqtts://broker"}, config)).isEqualTo(60);
    assertThat(config.getInteger("port")).isEqualTo(8883);
    assertThat(config.getBoolean("tls")).isTrue();
    FloorSimulatorOptions options = FloorSimulatorOptions.fromJson(config);
    assertThat(options.spec().athletes()).isEqualTo(24);
    assertThat(options.spec().withTs()).isTrue();
    assertThat(options.spec().qos()).isEqualTo(1);
  }

  @Test
  void mistakesAreReportedBeforeConnecting() {
    assertThatThrownBy(() -> FloorSimulatorMain.parse(new String[] {"--root", "gym/demo"}, new JsonObject()))
        .hasMessageContaining("--uri is required");
    assertThatThrownBy(() -> FloorSimulatorMain.parse(new String[] {"--uri", "http://x"}, new JsonObject()))
        .hasMessageContaining("mqtt://");
    assertThatThrownBy(() -> FloorSimulatorMain.parse(new String[] {"--uri", "mqtt://x", "--frobnicate", "1"},
        new JsonObject())).hasMessageContaining("unknown option");
    assertThatThrownBy(() -> FloorSimulatorMain.parse(new String[] {"--uri", "mqtt://x", "--root", "gym/#"},
        new JsonObject())).hasMessageContaining("wildcards");
  }
}
