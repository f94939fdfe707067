package com.clisonix.edge.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database of one test class: created on the shared server when the class first asks for
 * it, dropped when the class is done.
 */
final class ClassDatabase implements PostgresService, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClassDatabase.class);
  /** {@code DROP DATABASE ... WITH (FORCE)} is PostgreSQL 13 syntax. */
  private static final String SYNTAX_ERROR = "42601";

  private final PostgresServer server;
  private final String database;

  private ClassDatabase(PostgresServer server, String database) {
    this.server = server;
    this.database = database;
  }

  static ClassDatabase create(PostgresServer server, String simpleClassName) {
    String name = TestNames.databaseName(simpleClassName, TestNames.random());
    try (Connection admin = server.connect(server.adminDatabase());
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + quote(name));
    } catch (SQLException e) {
      throw new ServiceUnavailableException(ServiceKind.POSTGRES, "Cannot create database "
          + name + " on " + server.host() + ":" + server.port() + " as " + server.user()
          + " (the account needs CREATEDB): " + e.getMessage(), e);
    }
    LOG.debug("Created database {} for {}", name, simpleClassName);
    return new ClassDatabase(server, name);
  }

  @Override
  public String uri() {
    return server.uri(database);
  }

  @Override
  public String host() {
    return server.host();
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public String database() {
    return database;
  }

  @Override
  public String user() {
    return server.user();
  }

  @Override
  public String password() {
    return server.password();
  }

  @Override
  public String source() {
    return server.source().label();
  }

  /**
   * Drops the database. {@code FORCE} ends the connections a pool under test may still hold;
   * on servers older than 13 the same is done by hand.
   */
  @Override
  public void close() throws SQLException {
    try (Connection admin = server.connect(server.adminDatabase());
        Statement statement = admin.createStatement()) {
      try {
        statement.execute("DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)");
      } catch (SQLException e) {
        if (!SYNTAX_ERROR.equals(e.getSQLState())) {
          throw e;
        }
        statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            + " WHERE datname = '" + database + "' AND pid <> pg_backend_pid()");
        statement.execute("DROP DATABASE IF EXISTS " + quote(database));
      }
    }
    LOG.debug("Dropped database {}", database);
  }

  @Override
  public String toString() {
    return "PostgresService[" + database + " on " + server.host() + ":" + server.port() + ", "
        + source() + "]";
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
