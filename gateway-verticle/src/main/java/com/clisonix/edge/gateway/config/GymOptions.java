package com.clisonix.edge.gateway.config;

import java.net.InetAddress;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Who this box is: the gym it serves (the cloud tags every row with it, and it names the
 * cluster) and the node within that gym (it makes the MQTT client id unique).
 */
public record GymOptions(String id, String nodeId, ZoneId timeZone) {

  /** The MQTT client id of this gateway: stable across restarts so the broker keeps its session. */
  public String mqttClientId() {
    return "clisonix-" + id + "-" + nodeId;
  }

  static GymOptions from(ConfigReader r) {
    String id = r.string("gym.id", "gym-1");
    if (!id.matches("[a-z0-9][a-z0-9-]{0,31}")) {
      throw new ConfigException("gym.id", ConfigReader.label("gym.id")
          + " must be 1-32 lower-case letters, digits or '-', starting with a letter or digit, got '" + id + "'");
    }
    String node = r.string("gym.node_id", null);
    if (node == null) {
      node = hostName();
    }
    node = node.replaceAll("[^A-Za-z0-9_-]", "-");
    if (node.length() > 64) {
      node = node.substring(0, 64);
    }
    String zone = r.string("gym.time_zone", ZoneId.systemDefault().getId());
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new ConfigException("gym.time_zone", "gym.time_zone must be a region id such as Europe/Berlin, got '" + zone + "'");
    }
    return new GymOptions(id, node, zoneId);
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "node";
    }
  }
}
