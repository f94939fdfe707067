package com.clisonix.edge.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/** Turns a {@link ServiceChoice} for MQTT into the backend that serves the test classes. */
final class MqttBackends {

  /** The password presented to brokers that do not check one. */
  static final String UNCHECKED_PASSWORD = "unchecked";

  private MqttBackends() {
  }

  static MqttBackend start(ServiceChoice choice) {
    return switch (choice.source()) {
      case ENV -> configured(choice.uri());
      case MOSQUITTO -> mosquitto(choice.binary(), RepoRoot.require());
      case TESTCONTAINERS -> ContainerServers.mosquitto(choice.image(), RepoRoot.find());
      case MOQUETTE -> moquette();
      default -> throw new IllegalArgumentException("No MQTT broker from " + choice.source());
    };
  }

  /** Credentials for a broker without authentication: the account's name, checked by nobody. */
  static Credentials unchecked(String account) {
    return new Credentials(account, UNCHECKED_PASSWORD);
  }

  /** One Mosquitto child process per test class, so that classes may restart theirs. */
  static MqttBackend mosquitto(Path binary, Path repoRoot) {
    return new MqttBackend() {
      @Override
      public ClassMqtt open(String topicRoot) {
        return MosquittoBroker.start(binary, repoRoot, topicRoot);
      }

      @Override
      public void close() {
      }
    };
  }

  static MqttBackend moquette() {
    MoquetteBroker broker = MoquetteBroker.start();
    return new MqttBackend() {
      @Override
      public ClassMqtt open(String topicRoot) {
        return new SharedBrokerMqtt("mqtt", broker.host(), broker.port(), topicRoot,
            ServiceSource.MOQUETTE, MqttBackends::unchecked);
      }

      @Override
      public void close() {
        broker.close();
      }
    };
  }

  /**
   * A broker given by URI. Its account list is unknown, so every role presents the URI's user
   * and password (or, without them, its own name, for a broker that checks nothing).
   */
  static MqttBackend configured(URI uri) {
    int port = uri.getPort() > 0 ? uri.getPort() : "mqtts".equals(uri.getScheme()) ? 8883 : 1883;
    Function<String, Credentials> accounts = credentialsFrom(uri);
    if ("mqtt".equals(uri.getScheme())) {
      int code = MqttConnectProbe.connect(uri.getHost(), port,
          accounts.apply(MosquittoBroker.GATEWAY), Duration.ofSeconds(5));
      if (code != MqttConnectProbe.ACCEPTED) {
        throw new IllegalStateException(code == MqttConnectProbe.NO_ANSWER
            ? "no MQTT broker answers at " + uri.getHost() + ":" + port
            : "the broker at " + uri.getHost() + ":" + port + " refused the credentials"
                + " (CONNACK code " + code + ")");
      }
    }
    return new MqttBackend() {
      @Override
      public ClassMqtt open(String topicRoot) {
        return new SharedBrokerMqtt(uri.getScheme(), uri.getHost(), port, topicRoot,
            ServiceSource.ENV, accounts);
      }

      @Override
      public void close() {
      }
    };
  }

  static Function<String, Credentials> credentialsFrom(URI uri) {
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null || userInfo.isEmpty()) {
      return MqttBackends::unchecked;
    }
    int colon = userInfo.indexOf(':');
    String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
    String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
    Credentials shared = new Credentials(user, password);
    return account -> shared;
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }
}
