package com.clisonix.edge.gateway;

import java.nio.file.Path;
import java.util.Optional;

/** The jar's flags (the contract's section 7). */
record CommandLine(boolean demo, Path configFile, boolean cluster, boolean help) {

  static final String USAGE = String.join("\n",
      "usage: java -jar clisonix-edge.jar [--demo] [--config FILE] [--cluster]",
      "  --demo          embedded broker, PostgreSQL and Redis where none is configured, generated secrets",
      "  --config FILE   YAML configuration (default config/gateway.yaml; with --demo, none unless given)",
      "  --cluster       join the gym's Vert.x cluster",
      "Every setting can be overridden by its CLISONIX_* environment variable (see config/gateway.yaml).");

  /** @return empty with an error message when the arguments are wrong */
  static Optional<CommandLine> parse(String[] args, StringBuilder error) {
    boolean demo = false;
    boolean cluster = false;
    boolean help = false;
    Path config = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--demo" -> demo = true;
        case "--cluster" -> cluster = true;
        case "--help", "-h" -> help = true;
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
    return Optional.of(new CommandLine(demo, config, cluster, help));
  }

  /** The YAML file to read: the given one, the default outside the demo, none for a plain demo. */
  Path effectiveConfigFile() {
    if (configFile != null) {
      return configFile;
    }
    return demo ? null : com.clisonix.edge.gateway.config.ConfigLoader.DEFAULT_FILE;
  }
}
