package com.clisonix.edge.gateway.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads the YAML file and the environment with vertx-config and folds the contract's
 * environment variables into the tree at their YAML keys, so that an override always wins.
 */
public final class ConfigLoader {
  public static final Path DEFAULT_FILE = Path.of("config", "gateway.yaml");

  private ConfigLoader() {}

  /**
   * @param file the YAML file, or null for none (the demo runs on built-in defaults)
   */
  public static Future<JsonObject> load(Vertx vertx, Path file) {
    ConfigRetrieverOptions options = new ConfigRetrieverOptions().setScanPeriod(0);
    if (file != null) {
      if (!Files.isReadable(file)) {
        return Future.failedFuture(new ConfigException("config", "configuration file " + file
            + " is not readable: expected a YAML file (see config/gateway.yaml), or pass --config FILE"));
      }
      options.addStore(new ConfigStoreOptions().setType("file").setFormat("yaml")
          .setConfig(new JsonObject().put("path", file.toString())));
    }
    JsonArray keys = new JsonArray(Arrays.stream(ConfigKey.values()).map(ConfigKey::env).toList());
    options.addStore(new ConfigStoreOptions().setType("env")
        .setConfig(new JsonObject().put("keys", keys).put("raw-data", true)));
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig()
        .recover(err -> Future.failedFuture(new ConfigException("config", "configuration file " + file
            + " could not be read: " + oneLine(err.getMessage()))))
        .map(merged -> {
          JsonObject tree = merged.copy();
          Map<String, String> env = new java.util.HashMap<>();
          for (ConfigKey k : ConfigKey.values()) {
            Object v = tree.remove(k.env());
            if (v != null) {
              env.put(k.env(), v.toString());
            }
          }
          return applyOverrides(tree, env);
        })
        .onComplete(ar -> retriever.close());
  }

  /** Puts each contract environment variable found in {@code env} at its YAML key. */
  public static JsonObject applyOverrides(JsonObject tree, Map<String, String> env) {
    JsonObject out = tree.copy();
    for (ConfigKey k : ConfigKey.values()) {
      String v = env.get(k.env());
      if (v == null) {
        continue;
      }
      String[] parts = k.path().split("\\.");
      JsonObject node = out;
      for (int i = 0; i < parts.length - 1; i++) {
        Object child = node.getValue(parts[i]);
        if (!(child instanceof JsonObject)) {
          child = new JsonObject();
          node.put(parts[i], child);
        }
        node = (JsonObject) child;
      }
      node.put(parts[parts.length - 1], v);
    }
    return out;
  }

  private static String oneLine(String s) {
    return s == null ? "unknown error" : s.replaceAll("\\s+", " ").trim();
  }
}
