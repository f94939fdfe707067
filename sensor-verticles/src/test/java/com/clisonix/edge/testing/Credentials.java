package com.clisonix.edge.testing;

/**
 * An MQTT account: the user name and password a client presents in CONNECT.
 *
 * @param username the account name; the broker's ACL keys its rules on it
 * @param password the password; never {@code null}
 */
public record Credentials(String username, String password) {

  public Credentials {
    if (username == null || username.isEmpty()) {
      throw new IllegalArgumentException("username must not be empty");
    }
    if (password == null) {
      throw new IllegalArgumentException("password must not be null");
    }
  }

  /** Keeps the password out of test logs and assertion messages. */
  @Override
  public String toString() {
    return "Credentials[" + username + "]";
  }
}
