package com.clisonix.edge.gateway.cluster;

import com.clisonix.edge.gateway.config.ClusterOptions;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.TcpIpConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

/**
 * The Hazelcast configuration of a gym's cluster, built in code from the gateway's settings (no
 * XML to ship and keep in step): cluster name = gym id, TCP/IP join on the configured members,
 * multicast and cloud auto-detection off, the bound and public addresses, and failure detection
 * tuned for a gym floor (a crashed box is declared gone after a few seconds, not Hazelcast's
 * default minute, so its athletes move on quickly).
 */
public final class HazelcastSetup {
  /** Member attribute carrying the box's node id: shard ownership hashes it, so a box that returns gets its shards back. */
  public static final String NODE_ID_ATTRIBUTE = "clisonix.node_id";
  static final int HEARTBEAT_SECONDS = 1;
  static final int NO_HEARTBEAT_SECONDS = 5;

  private HazelcastSetup() {}

  public static Config config(String gymId, String nodeId, ClusterOptions options) {
    // Vert.x's own defaults first: the maps its cluster manager expects (subscriptions, node info)
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(gymId);
    config.setInstanceName("clisonix-" + gymId + "-" + nodeId + "-" + Long.toHexString(System.nanoTime()));
    config.getMemberAttributeConfig().setAttribute(NODE_ID_ATTRIBUTE, nodeId);
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    // the gateway stops in its own order (MQTT, journal, pools) and leaves the cluster as part of it
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.heartbeat.interval.seconds", String.valueOf(HEARTBEAT_SECONDS));
    config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(NO_HEARTBEAT_SECONDS));
    // members are listed explicitly, so there is nothing to wait for before joining
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    // heal a split (a switch restarting between zones) quickly
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(options.port()).setPortAutoIncrement(false);
    if (options.host() != null) {
      config.setProperty("hazelcast.local.localAddress", options.host());
      config.setProperty("hazelcast.socket.bind.any", "false");
    }
    if (options.publicHost() != null) {
      network.setPublicAddress(options.publicHost() + ":" + options.port());
    }
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    TcpIpConfig tcp = join.getTcpIpConfig().setEnabled(true);
    options.members().forEach(m -> tcp.addMember(m.toString()));
    return config;
  }
}
