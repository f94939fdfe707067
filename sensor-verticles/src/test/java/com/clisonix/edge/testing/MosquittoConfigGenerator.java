package com.clisonix.edge.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the gym's shipped broker configuration into one a test can run: every limit and
 * persistence setting is kept as shipped, so tests exercise the product's configuration, and
 * only what ties it to an installed box (ports, paths, service user, log files, TLS
 * certificates) is replaced.
 */
final class MosquittoConfigGenerator {

  /** The topic root written in the shipped ACL. */
  static final String SHIPPED_ROOT = "gym/demo";

  /**
   * Options replaced or dropped in the test copy: listeners and their TLS files (a test has no
   * certificates), file locations, logging, the service user and included directories.
   */
  private static final Set<String> REPLACED = Set.of(
      "listener", "port", "bind_address", "bind_interface", "socket_domain", "protocol",
      "mount_point", "http_dir", "cafile", "capath", "certfile", "keyfile", "crlfile",
      "dhparamfile", "tls_version", "ciphers", "ciphers_tls1.3", "require_certificate",
      "use_identity_as_username", "use_subject_as_username", "psk_hint", "psk_file",
      "tls_engine", "tls_keyform", "tls_engine_kpass_sha1", "pid_file", "persistence_location",
      "password_file", "acl_file", "allow_anonymous", "log_dest", "user", "include_dir");

  /**
   * Where and how the test broker runs.
   *
   * @param passwordFile the password file, or {@code null} for a broker without accounts
   *     (then anonymous clients are allowed and no ACL applies)
   * @param aclFile the ACL, or {@code null}
   * @param runAsUser the {@code user} option (only acts when started as root), or {@code null}
   */
  record Settings(int port, String bindAddress, Path dataDir, Path passwordFile, Path aclFile,
      String runAsUser) {
  }

  private MosquittoConfigGenerator() {
  }

  static String testConfig(String shipped, Settings settings) {
    StringBuilder out = new StringBuilder();
    for (String line : shipped.split("\\R")) {
      String key = key(line);
      if (key != null && REPLACED.contains(key)) {
        out.append("# (replaced for tests) ").append(line.strip()).append('\n');
      } else {
        out.append(line).append('\n');
      }
    }
    out.append("\n# --- test overrides ---\n");
    out.append("persistence_location ").append(directory(settings.dataDir())).append('\n');
    if (settings.passwordFile() != null) {
      out.append("allow_anonymous false\n");
      out.append("password_file ").append(settings.passwordFile()).append('\n');
      if (settings.aclFile() != null) {
        out.append("acl_file ").append(settings.aclFile()).append('\n');
      }
    } else {
      out.append("allow_anonymous true\n");
    }
    out.append("log_dest stdout\n");
    if (settings.runAsUser() != null) {
      out.append("user ").append(settings.runAsUser()).append('\n');
    }
    out.append("listener ").append(settings.port()).append(' ')
        .append(settings.bindAddress()).append('\n');
    return out.toString();
  }

  /** The shipped ACL with its topic root replaced by a test class's own. */
  static String testAcl(String shippedAcl, String topicRoot) {
    if (topicRoot.isEmpty() || topicRoot.matches(".*[\\s#+%].*") || topicRoot.endsWith("/")) {
      throw new IllegalArgumentException("Not a topic root: '" + topicRoot + "'");
    }
    StringBuilder out = new StringBuilder();
    for (String line : shippedAcl.split("\\R")) {
      String key = key(line);
      if ("topic".equals(key) || "pattern".equals(key)) {
        String[] parts = line.strip().split("\\s+");
        String topic = parts[parts.length - 1];
        if (topic.equals(SHIPPED_ROOT) || topic.startsWith(SHIPPED_ROOT + "/")) {
          parts[parts.length - 1] = topicRoot + topic.substring(SHIPPED_ROOT.length());
        }
        out.append(String.join(" ", parts)).append('\n');
      } else {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  /** The active options of a configuration, the last value winning, for checks on the shipped file. */
  static Map<String, String> options(String conf) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String line : conf.split("\\R")) {
      String key = key(line);
      if (key != null) {
        String value = line.strip().substring(key.length()).strip();
        options.put(key, value);
      }
    }
    return options;
  }

  /** The option name of an active line, or {@code null} for blank and comment lines. */
  private static String key(String line) {
    String stripped = line.strip();
    if (stripped.isEmpty() || stripped.startsWith("#")) {
      return null;
    }
    int space = stripped.indexOf(' ');
    return (space < 0 ? stripped : stripped.substring(0, space)).toLowerCase(Locale.ROOT);
  }

  /** Mosquitto appends the file name to the location as given, so it must end with a slash. */
  private static String directory(Path dir) {
    String text = dir.toString();
    return text.endsWith("/") ? text : text + "/";
  }
}
