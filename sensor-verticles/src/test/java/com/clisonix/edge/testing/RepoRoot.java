package com.clisonix.edge.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the repository root, the folder that holds {@code config/mosquitto}, so tests in any
 * module run the broker configuration that ships with the product.
 */
final class RepoRoot {

  /** Set by surefire to the reactor's root folder. */
  static final String PROPERTY = "clisonix.repo.root";
  static final Path MOSQUITTO_DIR = Path.of("config", "mosquitto");

  private RepoRoot() {
  }

  /** The root from the system property, else found by walking up from the working directory. */
  static Optional<Path> find() {
    return find(System.getProperty(PROPERTY), Path.of(System.getProperty("user.dir")));
  }

  static Optional<Path> find(String configured, Path workingDirectory) {
    if (configured != null && !configured.isBlank()) {
      Path root = Path.of(configured).toAbsolutePath().normalize();
      if (holdsBrokerConfig(root)) {
        return Optional.of(root);
      }
    }
    for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null;
        dir = dir.getParent()) {
      if (holdsBrokerConfig(dir)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** The repository root, or an error that says how to point the tests at it. */
  static Path require() {
    return find().orElseThrow(() -> new IllegalStateException(
        "Cannot find the folder holding config/mosquitto: run the tests inside the repository"
            + " or set -D" + PROPERTY + "=<repository root>"));
  }

  private static boolean holdsBrokerConfig(Path dir) {
    return Files.isRegularFile(dir.resolve(MOSQUITTO_DIR).resolve("mosquitto.conf"))
        && Files.isRegularFile(dir.resolve(MOSQUITTO_DIR).resolve("acl"));
  }
}
