package com.clisonix.edge.sensor.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@link FloorSimulatorVerticle} connects and what it plays, from its JSON config (keys in
 * snake_case, as the gateway's other verticle options). Unknown keys are ignored.
 *
 * <ul>
 *   <li>broker: {@code host} (127.0.0.1), {@code port} (1883), {@code tls} (false),
 *       {@code username}, {@code password}, {@code client_id} (clisonix-floor-sim);
 *       {@code accounts}: {@code {"<bridge or camera id>": {"username","password"}}} gives a
 *       bridge or camera its own connection and account, as the gym's ACL expects (an account
 *       may write only under its own name); sources without an entry share one connection with
 *       {@code username}/{@code password}.</li>
 *   <li>publishing: {@code qos} (1), {@code max_in_flight} (256: messages sent but not yet
 *       acknowledged, or for QoS 0 not yet written), {@code tick_ms} (20), {@code rate} (1.0:
 *       simulated seconds per real second), {@code ack_timeout_seconds} (30),
 *       {@code status_address} ({@value FloorSimulatorVerticle#STATUS_ADDRESS}).</li>
 *   <li>the floor: {@code root} (gym/demo), {@code athletes} (24), {@code seed} (1),
 *       {@code bridges} (array of ids, or a count: bridge-1..n; default 2), {@code cameras}
 *       (array or count: camera-1..n; default 1), {@code people_per_camera} (4),
 *       {@code camera_fps} (15), {@code eye_metrics} (true), {@code class_minutes} (45),
 *       {@code bike_share} (0.25), {@code treadmill_share} (0.2), {@code rower_share} (0.15),
 *       {@code json_share} (0.25), {@code strap_period_ms} (1000), {@code machine_period_ms}
 *       (1000), {@code with_ts} (true at rate 1, otherwise false: at another rate simulated time
 *       leaves the wall clock, and the gateway would refuse timestamps more than 5 minutes
 *       ahead).</li>
 * </ul>
 */
public record FloorSimulatorOptions(String host, int port, boolean tls, String username, String password,
    String clientId, Map<String, Account> accounts, int maxInFlight, long tickMs, double rate, int ackTimeoutSeconds,
    String statusAddress, SimulationSpec spec) {

  /** One broker account. */
  public record Account(String username, String password) {
  }

  public FloorSimulatorOptions {
    accounts = Map.copyOf(accounts);
    if (maxInFlight < 1 || maxInFlight > 65_000) {
      throw new IllegalArgumentException("max_in_flight must be within 1-65000");
    }
    if (tickMs < 1) {
      throw new IllegalArgumentException("tick_ms must be positive");
    }
    if (!(rate > 0 && rate <= 1000)) {
      throw new IllegalArgumentException("rate must be within (0, 1000]");
    }
  }

  /**
   * Reads the config.
   *
   * @throws IllegalArgumentException when a value is out of range
   */
  public static FloorSimulatorOptions fromJson(JsonObject json) {
    double rate = json.getDouble("rate", 1.0);
    SimulationSpec.Builder b = SimulationSpec.builder()
        .seed(json.getLong("seed", 1L))
        .athletes(json.getInteger("athletes", 24))
        .machineShares(json.getDouble("bike_share", 0.25), json.getDouble("treadmill_share", 0.2),
            json.getDouble("rower_share", 0.15))
        .peoplePerCamera(json.getInteger("people_per_camera", 4))
        .cameraFps(json.getDouble("camera_fps", 15.0))
        .eyeMetrics(json.getBoolean("eye_metrics", true))
        .topicRoot(json.getString("root", "gym/demo"))
        .strapPeriodMs(json.getLong("strap_period_ms", 1000L))
        .machinePeriodMs(json.getLong("machine_period_ms", 1000L))
        .classPlan(ClassPlan.standard(Duration.ofMillis(Math.round(json.getDouble("class_minutes", 45.0) * 60_000))))
        .withTs(json.getBoolean("with_ts", rate == 1.0))
        .jsonEnvelopeShare(json.getDouble("json_share", 0.25))
        .qos(json.getInteger("qos", 1));
    b.bridgeIds(ids(json.getValue("bridges", 2), "bridge-"));
    b.cameraIds(ids(json.getValue("cameras", 1), "camera-"));
    Map<String, Account> accounts = new LinkedHashMap<>();
    JsonObject acc = json.getJsonObject("accounts", new JsonObject());
    for (String id : acc.fieldNames()) {
      JsonObject a = acc.getJsonObject(id);
      accounts.put(id, new Account(a.getString("username", id), a.getString("password", "")));
    }
    return new FloorSimulatorOptions(
        json.getString("host", "127.0.0.1"),
        json.getInteger("port", 1883),
        json.getBoolean("tls", false),
        json.getString("username"),
        json.getString("password"),
        json.getString("client_id", "clisonix-floor-sim"),
        accounts,
        json.getInteger("max_in_flight", 256),
        json.getLong("tick_ms", 20L),
        rate,
        json.getInteger("ack_timeout_seconds", 30),
        json.getString("status_address", FloorSimulatorVerticle.STATUS_ADDRESS),
        b.build());
  }

  private static List<String> ids(Object value, String prefix) {
    List<String> out = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (Object o : array) {
        out.add(String.valueOf(o));
      }
    } else if (value instanceof Number n) {
      for (int i = 1; i <= n.intValue(); i++) {
        out.add(prefix + i);
      }
    } else {
      throw new IllegalArgumentException(prefix + "ids must be an array of ids or a count");
    }
    return out;
  }
}
