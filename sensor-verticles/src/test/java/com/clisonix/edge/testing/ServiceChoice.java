package com.clisonix.edge.testing;

import java.net.URI;
import java.nio.file.Path;

/**
 * One way to obtain a service, as decided by {@link ServiceResolver}.
 *
 * @param kind the service
 * @param source where it comes from
 * @param uri the server to use ({@code env} and {@code loopback}), else {@code null}
 * @param binary the Mosquitto executable ({@code mosquitto}), else {@code null}
 * @param image the container image ({@code testcontainers}), else {@code null}
 */
public record ServiceChoice(ServiceKind kind, ServiceSource source, URI uri, Path binary,
    String image) {

  static ServiceChoice ofUri(ServiceKind kind, ServiceSource source, URI uri) {
    return new ServiceChoice(kind, source, uri, null, null);
  }

  /** A short description for the log line that announces the choice. */
  public String describe() {
    return switch (source) {
      case ENV, LOOPBACK -> source.label() + " " + hostAndPort();
      case MOSQUITTO -> "mosquitto " + binary + ", one broker per test class";
      case TESTCONTAINERS -> "testcontainers " + image;
      case EMBEDDED, MOQUETTE -> source.label();
    };
  }

  private String hostAndPort() {
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }
}
