package com.clisonix.edge.gateway.config;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A PostgreSQL location given as {@code postgres://user:password@host:port/database?sslmode=...}.
 * One parsed form serves both the reactive client and Flyway's JDBC connection, so both always
 * reach the same database with the same TLS mode.
 */
public record PgUri(String host, int port, String database, String user, String password, String sslmode) {

  private static final Set<String> SSL_MODES =
      Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

  public static PgUri parse(String key, String text) {
    String label = ConfigReader.label(key);
    String expected = "expected postgres://user[:password]@host[:port]/database[?sslmode=require]";
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new ConfigException(key, label + " is not a valid URI: " + expected);
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("postgres") || scheme.equals("postgresql"))) {
      throw new ConfigException(key, label + " has scheme '" + scheme + "': " + expected);
    }
    if (uri.getHost() == null) {
      throw new ConfigException(key, label + " has no host: " + expected);
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (path.isEmpty() || path.contains("/")) {
      throw new ConfigException(key, label + " names no database: " + expected);
    }
    String user = "postgres";
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] up = uri.getRawUserInfo().split(":", 2);
      user = decode(up[0]);
      password = up.length > 1 ? decode(up[1]) : null;
    }
    String sslmode = "disable";
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv[0].equals("sslmode") && kv.length == 2) {
          sslmode = decode(kv[1]).toLowerCase(Locale.ROOT);
          if (!SSL_MODES.contains(sslmode)) {
            throw new ConfigException(key, label + " has sslmode '" + sslmode + "': expected one of " + SSL_MODES);
          }
        }
      }
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    return new PgUri(uri.getHost(), port, path, user, password, sslmode);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  public PgConnectOptions connectOptions() {
    PgConnectOptions o = new PgConnectOptions()
        .setHost(host).setPort(port).setDatabase(database).setUser(user)
        .setSslMode(SslMode.of(sslmode));
    if (password != null) {
      o.setPassword(password);
    }
    return o;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=" + sslmode;
  }

  /** For logs: never the password. */
  @Override
  public String toString() {
    return "postgres://" + user + (password == null ? "" : ":***") + "@" + host + ":" + port + "/" + database
        + (sslmode.equals("disable") ? "" : "?sslmode=" + sslmode);
  }
}
