package com.clisonix.edge.gateway.config;

import java.util.ArrayList;
import java.util.List;

/**
 * How this box joins its gym's Vert.x cluster with {@code --cluster}: the Hazelcast members to
 * join over TCP/IP (no multicast: gym networks often block it, and a neighbouring gym must never
 * join by accident), the address and port Hazelcast binds, the event-bus port, and the address the
 * other members should use when it differs from the bound one (NAT, containers). The cluster's
 * name is the gym id.
 *
 * @param members   {@code host:port} of the gym's boxes (this one may be among them)
 * @param host      the interface to bind and announce, or null to let Hazelcast choose
 * @param port      the Hazelcast port (5701)
 * @param eventBusPort the clustered event bus's port, 0 for any free port
 * @param publicHost the address other members reach this box at, or null for {@code host}
 */
public record ClusterOptions(List<Member> members, String host, int port, int eventBusPort, String publicHost) {
  public static final int DEFAULT_PORT = 5701;

  /** One Hazelcast member address. */
  public record Member(String host, int port) {
    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  public ClusterOptions {
    members = List.copyOf(members);
  }

  static ClusterOptions from(ConfigReader r) {
    List<Member> members = new ArrayList<>();
    for (String entry : r.list("cluster.members", List.of())) {
      members.add(member(entry));
    }
    String host = r.string("cluster.host", null);
    int port = r.integer("cluster.port", DEFAULT_PORT, 1, 65_535);
    int eventBusPort = r.integer("cluster.eventbus_port", 0, 0, 65_535);
    String publicHost = r.string("cluster.public_host", null);
    for (String[] h : new String[][] {{"cluster.host", host}, {"cluster.public_host", publicHost}}) {
      if (h[1] != null && !h[1].matches("[A-Za-z0-9._:-]+")) {
        throw new ConfigException(h[0], ConfigReader.label(h[0]) + " must be a host name or IP address, got '" + h[1] + "'");
      }
    }
    return new ClusterOptions(members, host, port, eventBusPort, publicHost);
  }

  private static Member member(String entry) {
    String host = entry;
    int port = DEFAULT_PORT;
    int colon = entry.lastIndexOf(':');
    if (colon > 0 && entry.indexOf(':') == colon) {
      host = entry.substring(0, colon);
      try {
        port = Integer.parseInt(entry.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
    }
    if (!host.matches("[A-Za-z0-9._-]+") || port < 1 || port > 65_535) {
      throw new ConfigException("cluster.members", ConfigReader.label("cluster.members")
          + " must be a comma-separated list of host:port (port 1-65535, default " + DEFAULT_PORT + "), got '"
          + entry + "'");
    }
    return new Member(host, port);
  }

  /** With {@code --cluster}, a box must know whom to join. */
  public void requireMembers() {
    if (members.isEmpty()) {
      throw new ConfigException("cluster.members", ConfigReader.label("cluster.members")
          + " is missing: --cluster needs the gym's boxes as host:port, e.g. 10.0.0.11:5701,10.0.0.12:5701");
    }
  }
}
