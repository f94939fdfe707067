package com.clisonix.edge.gateway.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed values by dotted path from the merged configuration tree and turns every type
 * mistake into a {@link ConfigException} that names the setting.
 */
final class ConfigReader {
  private final JsonObject root;

  ConfigReader(JsonObject root) {
    this.root = root;
  }

  Object raw(String path) {
    String[] parts = path.split("\\.");
    Object node = root;
    for (String part : parts) {
      if (!(node instanceof JsonObject obj)) {
        return null;
      }
      node = obj.getValue(part);
    }
    return node;
  }

  static String label(String path) {
    return ConfigKey.byPath(path).map(ConfigKey::label).orElse(path);
  }

  String string(String path, String def) {
    Object v = raw(path);
    if (v == null) {
      return def;
    }
    if (v instanceof String s) {
      return s.isBlank() ? def : s.trim();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    throw new ConfigException(path, label(path) + " must be a string");
  }

  String required(String path, String expected) {
    String v = string(path, null);
    if (v == null) {
      throw new ConfigException(path, label(path) + " is missing: expected " + expected);
    }
    return v;
  }

  int integer(String path, int def, int min, int max) {
    Object v = raw(path);
    if (v == null || (v instanceof String s && s.isBlank())) {
      return def;
    }
    long n;
    try {
      n = v instanceof Number num ? num.longValue() : Long.parseLong(v.toString().trim());
      if (v instanceof Number num && num.doubleValue() != n) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new ConfigException(path, label(path) + " must be a whole number between " + min + " and " + max
          + ", got '" + v + "'");
    }
    if (n < min || n > max) {
      throw new ConfigException(path, label(path) + " must be between " + min + " and " + max + ", got " + n);
    }
    return (int) n;
  }

  boolean bool(String path, boolean def) {
    Object v = raw(path);
    if (v == null) {
      return def;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().trim().toLowerCase();
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new ConfigException(path, label(path) + " must be true or false, got '" + v + "'");
  }

  /** A list given as a YAML sequence or as one comma-separated string (how environment variables carry lists). */
  List<String> list(String path, List<String> def) {
    Object v = raw(path);
    if (v == null) {
      return def;
    }
    List<String> out = new ArrayList<>();
    if (v instanceof JsonArray arr) {
      for (Object o : arr) {
        if (o != null && !o.toString().isBlank()) {
          out.add(o.toString().trim());
        }
      }
    } else if (v instanceof String s) {
      for (String part : s.split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    } else {
      throw new ConfigException(path, label(path) + " must be a list or a comma-separated string");
    }
    return out;
  }
}
