package com.clisonix.edge.gateway;

import java.nio.file.Path;
import java.util.Optional;

/** The jar's flags (the contract's section 7). */
record CommandLine(boolean demo, Path configFile, boolean cluster, boolean help, boolean reencrypt) {

  static final String USAGE = String.join("\n",
      "usage: java -jar clisonix-edge.jar [--demo] [--config FILE] [--cluster]",
      "       java -jar clisonix-edge.jar --reencrypt [--config FILE]",
      "  --demo          embedded broker, PostgreSQL and Redis where none is configured, generated secrets",
      "  --config FILE   YAML configuration (default config/gateway.yaml; with --demo, none unless given)",
      "  --cluster       join the gym's Vert.x cluster",
      "  --reencrypt     after a key rotation: rewrite every encrypted value of the edge (and cloud) store",
      "                  under the first key of encryption.keys, report counts and exit",
      "Every setting can be overridden by its CLISONIX_* environment variable (see config/gateway.yaml).");

  /** @return empty with an error message when the arguments are wrong */
  static Optional<CommandLine> parse(String[] args, StringBuilder error) {
    boolean demo = false;
    boolean cluster = false;
    boolean help = false;
    boolean reencrypt = false;
    Path config = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--demo" -> demo = true;
        case "--cluster" -> cluster = true;
        case "--help", "-h" -> help = true;
        case "--reencrypt" -> reencrypt = true;
        case "--config" -> {
          if (i + 1 >= args.length) {
            error.append("--config needs a file");
            return Optional.empty();
          }
          config = Path.of(args[++i]);
        }
        default -> {
          if (args[i].startsWith("--config=")) {
            config = Path.of(args[i].substring("--config=".length()));
          } else {
            error.append("unknown argument '").append(args[i]).append("'");
            return Optional.empty();
          }
        }
      }
    }
    if (reencrypt && (demo || cluster)) {
      error.append("--reencrypt runs alone (with --config at most)");
      return Optional.empty();
    }
    return Optional.of(new CommandLine(demo, config, cluster, help, reencrypt));
  }

  /** The YAML file to read: the given one, the default outside the demo, none for a plain demo. */
  Path effectiveConfigFile() {
    if (configFile != null) {
      return configFile;
    }
    return demo ? null : com.clisonix.edge.gateway.config.ConfigLoader.DEFAULT_FILE;
  }
}
