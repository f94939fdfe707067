package com.clisonix.edge.testing;

/** The MQTT service of one test class, released when the class is done. */
interface ClassMqtt extends MqttService, AutoCloseable {

  @Override
  void close();
}
