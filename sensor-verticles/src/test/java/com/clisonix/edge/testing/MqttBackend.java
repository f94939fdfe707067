package com.clisonix.edge.testing;

/** Where the MQTT services of a JVM's test classes come from. */
interface MqttBackend extends AutoCloseable {

  /** The service for one test class, with its topic root. */
  ClassMqtt open(String topicRoot);

  @Override
  void close();
}
