package com.clisonix.edge.gateway.config;

/** The HTTP listener: the REST API, dashboard, health and metrics share it. HTTPS when both PEM files are set. */
public record HttpOptions(String host, int port, String tlsCert, String tlsKey, int maxBodyBytes) {
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  public boolean tls() {
    return tlsCert != null;
  }

  static HttpOptions from(ConfigReader r) {
    String cert = r.string("http.tls_cert", null);
    String key = r.string("http.tls_key", null);
    if ((cert == null) != (key == null)) {
      String missing = cert == null ? "http.tls_cert" : "http.tls_key";
      throw new ConfigException(missing, ConfigReader.label(missing)
          + " is missing: HTTPS needs both a PEM certificate and its PEM private key");
    }
    for (String path : new String[] {"http.tls_cert", "http.tls_key"}) {
      String file = r.string(path, null);
      if (file != null && !java.nio.file.Files.isReadable(java.nio.file.Path.of(file))) {
        throw new ConfigException(path, ConfigReader.label(path) + " names '" + file
            + "', which is not a readable file: expected a PEM file");
      }
    }
    return new HttpOptions(
        r.string("http.host", "0.0.0.0"),
        r.integer("http.port", DEFAULT_PORT, 0, 65535),
        cert, key,
        r.integer("http.max_body_bytes", DEFAULT_MAX_BODY_BYTES, 1024, 16 * 1024 * 1024));
  }
}
