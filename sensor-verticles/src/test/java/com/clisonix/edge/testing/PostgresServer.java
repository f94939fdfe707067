package com.clisonix.edge.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL server shared by the test classes of one JVM, and the login used to create and
 * drop their databases.
 */
final class PostgresServer implements AutoCloseable {

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String adminDatabase;
  private final String query;
  private final ServiceSource source;
  private final AutoCloseable owner;

  /**
   * @param adminDatabase the database to connect to for {@code CREATE DATABASE}
   * @param query extra URI parameters (such as {@code sslmode=require}) or {@code null}
   * @param owner what stops the server when the JVM is done with it, or {@code null}
   */
  PostgresServer(String host, int port, String user, String password, String adminDatabase,
      String query, ServiceSource source, AutoCloseable owner) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.adminDatabase = adminDatabase;
    this.query = query;
    this.source = source;
    this.owner = owner;
  }

  /** A server given as {@code postgres://user[:password]@host[:port][/database][?query]}. */
  static PostgresServer fromUri(URI uri, ServiceSource source) {
    String user = "postgres";
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    String path = uri.getPath();
    String database = path == null || path.length() <= 1 ? "postgres" : path.substring(1);
    return new PostgresServer(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user,
        password, database, uri.getRawQuery(), source, null);
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  String adminDatabase() {
    return adminDatabase;
  }

  ServiceSource source() {
    return source;
  }

  /** A JDBC connection to one database of this server. */
  Connection connect(String database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "10");
    String url = "jdbc:postgresql://" + host + ":" + port + "/" + database
        + (query == null ? "" : "?" + query);
    return DriverManager.getConnection(url, props);
  }

  /** The URI of one database, in the form the gateway's configuration and vertx-pg-client use. */
  String uri(String database) {
    StringBuilder uri = new StringBuilder("postgres://").append(encode(user));
    if (password != null) {
      uri.append(':').append(encode(password));
    }
    uri.append('@').append(host).append(':').append(port).append('/').append(database);
    if (query != null) {
      uri.append('?').append(query);
    }
    return uri.toString();
  }

  /** Stops a server the tests started; a server found running is left alone. */
  @Override
  public void close() {
    if (owner != null) {
      try {
        owner.close();
      } catch (Exception e) {
        throw new IllegalStateException("Could not stop the test PostgreSQL server", e);
      }
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
