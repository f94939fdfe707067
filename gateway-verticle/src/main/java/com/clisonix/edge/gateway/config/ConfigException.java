package com.clisonix.edge.gateway.config;

/**
 * A configuration mistake the operator can fix. Its message is one line that names the setting
 * (environment variable and YAML key) and what was expected, so start-up can print it without a
 * stack trace.
 */
public final class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String key, String message) {
    super(message, null, false, false);
    this.key = key;
  }

  /** The YAML key (dotted path) of the setting at fault. */
  public String key() {
    return key;
  }
}
