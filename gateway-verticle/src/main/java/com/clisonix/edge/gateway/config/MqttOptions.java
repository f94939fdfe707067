package com.clisonix.edge.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The broker the box ingests from. The client id is fixed per gym and node so that the broker
 * keeps the gateway's persistent session (and its queued QoS 1 messages) across restarts.
 */
public record MqttOptions(String host, int port, boolean tls, String username, String password,
    String root, List<String> theengsTopics) {

  public static final String DEFAULT_ROOT = "gym/demo";
  public static final List<String> DEFAULT_THEENGS_TOPICS = List.of("home/+/BTtoMQTT/+");

  static MqttOptions from(ConfigReader r) {
    String text = r.required("mqtt.uri", "mqtt://host:port or mqtts://user:password@host:port");
    String expected = "expected mqtt://[user:password@]host[:port] or mqtts://...";
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new ConfigException("mqtt.uri", ConfigReader.label("mqtt.uri") + " is not a valid URI: " + expected);
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("mqtt") || scheme.equals("mqtts") || scheme.equals("tcp")
        || scheme.equals("ssl"))) {
      throw new ConfigException("mqtt.uri", ConfigReader.label("mqtt.uri") + " has scheme '" + scheme + "': " + expected);
    }
    if (uri.getHost() == null) {
      throw new ConfigException("mqtt.uri", ConfigReader.label("mqtt.uri") + " has no host: " + expected);
    }
    boolean tls = scheme.equals("mqtts") || scheme.equals("ssl");
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] up = uri.getRawUserInfo().split(":", 2);
      user = URLDecoder.decode(up[0], StandardCharsets.UTF_8);
      password = up.length > 1 ? URLDecoder.decode(up[1], StandardCharsets.UTF_8) : null;
    }
    int port = uri.getPort() != -1 ? uri.getPort() : (tls ? 8883 : 1883);
    String root = r.string("mqtt.root", DEFAULT_ROOT);
    if (!root.matches("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*")) {
      throw new ConfigException("mqtt.root", ConfigReader.label("mqtt.root")
          + " must be topic levels of letters, digits, '-' or '_' separated by '/', without wildcards, got '" + root + "'");
    }
    return new MqttOptions(uri.getHost(), port, tls, user, password, root,
        List.copyOf(r.list("mqtt.theengs_topics", DEFAULT_THEENGS_TOPICS)));
  }

  @Override
  public String toString() {
    return (tls ? "mqtts://" : "mqtt://") + (username == null ? "" : username + (password == null ? "" : ":***") + "@")
        + host + ":" + port + " root=" + root;
  }
}
