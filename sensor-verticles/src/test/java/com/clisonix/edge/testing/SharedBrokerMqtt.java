package com.clisonix.edge.testing;

import java.util.function.Function;

/**
 * A test class's view of a broker that many classes share (a configured one, a container or
 * Moquette): its own topic root, no restarts.
 */
final class SharedBrokerMqtt implements ClassMqtt {

  private final String scheme;
  private final String host;
  private final int port;
  private final String topicRoot;
  private final ServiceSource source;
  private final Function<String, Credentials> accounts;

  /** @param accounts the credentials to present for an account name */
  SharedBrokerMqtt(String scheme, String host, int port, String topicRoot, ServiceSource source,
      Function<String, Credentials> accounts) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.topicRoot = topicRoot;
    this.source = source;
    this.accounts = accounts;
  }

  @Override
  public String uri() {
    return scheme + "://" + host + ":" + port;
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String topicRoot() {
    return topicRoot;
  }

  @Override
  public String source() {
    return source.label();
  }

  @Override
  public Credentials gateway() {
    return accounts.apply(MosquittoBroker.GATEWAY);
  }

  @Override
  public Credentials bridge(String bridgeId) {
    if (bridgeId == null || !bridgeId.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("A bridge id is 1-64 characters of [A-Za-z0-9_-], not '"
          + bridgeId + "'");
    }
    return accounts.apply(bridgeId);
  }

  @Override
  public Credentials upstream() {
    return accounts.apply(MosquittoBroker.UPSTREAM);
  }

  @Override
  public boolean canRestart() {
    return false;
  }

  @Override
  public void stop() {
    throw notRestartable();
  }

  @Override
  public void start() {
    throw notRestartable();
  }

  private UnsupportedOperationException notRestartable() {
    return new UnsupportedOperationException("The " + source.label() + " broker at " + uri()
        + " is shared by other test classes and cannot be stopped or started; broker-restart"
        + " tests need the mosquitto source (install Mosquitto and leave "
        + ServiceKind.MQTT.environmentVariable() + " unset)");
  }

  /** Nothing to release: the broker belongs to the JVM, and the topic root just goes unused. */
  @Override
  public void close() {
  }

  @Override
  public String toString() {
    return "MqttService[" + source.label() + " " + uri() + ", root " + topicRoot + "]";
  }
}
