package com.clisonix.edge.testing;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The names that keep test classes apart on shared servers: databases, Redis key prefixes
 * and MQTT topic roots. Random parts are lower-case letters and digits so they are valid
 * unquoted in SQL, Redis patterns and MQTT topics alike.
 */
final class TestNames {

  /** PostgreSQL truncates identifiers to 63 bytes; a truncated name would not be the one dropped. */
  static final int MAX_IDENTIFIER = 63;
  static final int RANDOM_LENGTH = 8;

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestNames() {
  }

  static String random() {
    StringBuilder out = new StringBuilder(RANDOM_LENGTH);
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }

  /** {@code t_<simple class name in lower case>_<random>}, cut to fit PostgreSQL's limit. */
  static String databaseName(String simpleClassName, String random) {
    String cleaned = simpleClassName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    int room = MAX_IDENTIFIER - "t_".length() - 1 - random.length();
    if (cleaned.length() > room) {
      cleaned = cleaned.substring(0, room);
    }
    if (cleaned.isEmpty()) {
      cleaned = "class";
    }
    return "t_" + cleaned + "_" + random;
  }

  static String keyPrefix(String random) {
    return "t:" + random + ":";
  }

  /** Two levels like the gym's {@code gym/demo}, so ACL rules written for the root still apply. */
  static String topicRoot(String random) {
    return "gym/t" + random;
  }
}
