package com.clisonix.edge.testing;

/** The three services tests can ask for, with the knobs that configure each. */
public enum ServiceKind {

  POSTGRES("PostgreSQL", "CLISONIX_TEST_PG_URI", "clisonix.test.pg.uri",
      "postgres://user[:password]@host:port/database", "postgres:15",
      "or run a server on 127.0.0.1:5432 that trusts user postgres (apt-get install postgresql)"),

  REDIS("Redis", "CLISONIX_TEST_REDIS_URI", "clisonix.test.redis.uri",
      "redis://[:password@]host:port[/db]", "redis:7",
      "or run a server on 127.0.0.1:6379 (apt-get install redis-server)"),

  MQTT("MQTT broker", "CLISONIX_TEST_MQTT_URI", "clisonix.test.mqtt.uri",
      "mqtt://[user:password@]host:port", "eclipse-mosquitto:2",
      "or install Mosquitto so the tests can start it from config/mosquitto"
          + " (apt-get install mosquitto; /usr/sbin/mosquitto or mosquitto on the PATH)");

  private final String displayName;
  private final String environmentVariable;
  private final String systemProperty;
  private final String uriForm;
  private final String containerImage;
  private final String localHint;

  ServiceKind(String displayName, String environmentVariable, String systemProperty,
      String uriForm, String containerImage, String localHint) {
    this.displayName = displayName;
    this.environmentVariable = environmentVariable;
    this.systemProperty = systemProperty;
    this.uriForm = uriForm;
    this.containerImage = containerImage;
    this.localHint = localHint;
  }

  public String displayName() {
    return displayName;
  }

  public String environmentVariable() {
    return environmentVariable;
  }

  public String systemProperty() {
    return systemProperty;
  }

  /** The image Testcontainers runs for this service. */
  public String containerImage() {
    return containerImage;
  }

  /** One sentence that tells a developer every way to provide this service. */
  public String howToProvide() {
    return "set " + environmentVariable + " (or -D" + systemProperty + ") to " + uriForm
        + ", " + localHint + ", or start a Docker engine for Testcontainers";
  }
}
