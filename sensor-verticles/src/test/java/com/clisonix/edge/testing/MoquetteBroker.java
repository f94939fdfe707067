package com.clisonix.edge.testing;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Moquette inside the test JVM: the MQTT broker of last resort. It accepts every client and
 * every credential, so the accounts of {@link MqttService} are simply accepted.
 */
final class MoquetteBroker implements AutoCloseable {

  private static final int PORT_ATTEMPTS = 3;
  /** The same ceiling as max_packet_size in config/mosquitto; Moquette's default is 8 KB. */
  private static final int MAX_MESSAGE_BYTES = 262144;

  private final Server server;
  private final int port;

  private MoquetteBroker(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts on a free loopback port. Moquette does not report a port it picked itself, so the
   * port is chosen first; telemetry (it phones home) and persistence (files in the working
   * directory) are off.
   */
  static MoquetteBroker start() {
    IOException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      int port = FreePorts.pick();
      Properties props = new Properties();
      props.setProperty("host", MosquittoBroker.HOST);
      props.setProperty("port", Integer.toString(port));
      props.setProperty("allow_anonymous", "true");
      props.setProperty("persistence_enabled", "false");
      props.setProperty("telemetry_enabled", "false");
      props.setProperty("netty.mqtt.message_size", Integer.toString(MAX_MESSAGE_BYTES));
      Server server = new Server();
      try {
        server.startServer(new MemoryConfig(props));
        return new MoquetteBroker(server, port);
      } catch (IOException e) {
        last = e;
        server.stopServer();
      }
    }
    throw new UncheckedIOException("Moquette could not bind a loopback port", last);
  }

  String host() {
    return MosquittoBroker.HOST;
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    server.stopServer();
  }
}
