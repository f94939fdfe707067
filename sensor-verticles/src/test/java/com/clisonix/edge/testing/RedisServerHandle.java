package com.clisonix.edge.testing;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** A Redis server shared by the test classes of one JVM. */
final class RedisServerHandle implements AutoCloseable {

  private final String uri;
  private final RedisAddress address;
  private final ServiceSource source;
  private final AutoCloseable owner;

  /** @param owner what stops the server when the JVM is done with it, or {@code null} */
  RedisServerHandle(URI uri, ServiceSource source, AutoCloseable owner) {
    this.uri = uri.toString();
    this.address = RedisAddress.parse(uri);
    this.source = source;
    this.owner = owner;
  }

  String uri() {
    return uri;
  }

  ServiceSource source() {
    return source;
  }

  RespClient connect() throws IOException {
    return RespClient.connect(address, Duration.ofSeconds(10));
  }

  /** Fails with a message naming the server unless it answers PING. */
  void verify() throws IOException {
    try (RespClient client = connect()) {
      Object reply = client.command("PING");
      if (!"PONG".equals(reply)) {
        throw new IOException("Redis at " + address.host() + ":" + address.port()
            + " answered PING with " + reply);
      }
    }
  }

  /** Stops a server the tests started; a server found running is left alone. */
  @Override
  public void close() {
    if (owner != null) {
      try {
        owner.close();
      } catch (Exception e) {
        throw new IllegalStateException("Could not stop the test Redis server", e);
      }
    }
  }
}
