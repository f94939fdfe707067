package com.clisonix.edge.testing;

/** Where a test service comes from; {@link #label()} is what the services' {@code source()} returns. */
public enum ServiceSource {
  ENV("env"),
  LOOPBACK("loopback"),
  MOSQUITTO("mosquitto"),
  TESTCONTAINERS("testcontainers"),
  EMBEDDED("embedded"),
  MOQUETTE("moquette");

  private final String label;

  ServiceSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
