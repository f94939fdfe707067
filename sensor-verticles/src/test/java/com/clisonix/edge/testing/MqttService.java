package com.clisonix.edge.testing;

/**
 * An MQTT broker for one test class, with a topic root of its own.
 *
 * <p>When the broker runs the gym's own configuration ({@code source()} is {@code mosquitto}),
 * the accounts below are real accounts of its password file and the ACL of
 * {@code config/mosquitto/acl} applies, with {@code gym/demo} replaced by {@link #topicRoot()}.
 * Brokers without authentication accept the same credentials without checking them.
 */
public interface MqttService {

  /** The broker as {@code mqtt://host:port}. */
  String uri();

  String host();

  int port();

  /** The class's topic root, two levels like the gym's: {@code gym/t<random>}. */
  String topicRoot();

  /** {@code env}, {@code mosquitto}, {@code testcontainers} or {@code moquette}. */
  String source();

  /** The gateway's account: reads everything under the root, writes live, music and gateway topics. */
  Credentials gateway();

  /**
   * A bridge's account, created on first use. The ACL lets it write only
   * {@code {root}/ble/<bridgeId>/#}, {@code home/<bridgeId>/#} and
   * {@code {root}/camera/<bridgeId>/#} (so {@code bridge("camera-1")} serves as a camera), and
   * read nothing.
   *
   * @param bridgeId the account name, 1-64 characters of {@code [A-Za-z0-9_-]}
   */
  Credentials bridge(String bridgeId);

  /** The upstream account ({@code upstream-analytics}): reads only live and music topics. */
  Credentials upstream();

  /** Whether {@link #stop()} and {@link #start()} are supported (only for {@code mosquitto}). */
  boolean canRestart();

  /**
   * Stops the broker the way a service manager does (SIGTERM, so it saves its persistence).
   *
   * @throws UnsupportedOperationException when {@link #canRestart()} is false
   */
  void stop();

  /**
   * Starts the stopped broker again on the same port with the same persistence, and returns
   * once it accepts connections.
   *
   * @throws UnsupportedOperationException when {@link #canRestart()} is false
   */
  void start();
}
