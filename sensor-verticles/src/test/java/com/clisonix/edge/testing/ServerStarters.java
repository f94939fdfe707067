package com.clisonix.edge.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import redis.embedded.RedisServer;

/** Turns a {@link ServiceChoice} for PostgreSQL or Redis into a running, verified server. */
final class ServerStarters {

  private static final int PORT_ATTEMPTS = 3;

  private ServerStarters() {
  }

  static PostgresServer postgres(ServiceChoice choice) throws Exception {
    PostgresServer server = switch (choice.source()) {
      case ENV, LOOPBACK -> PostgresServer.fromUri(choice.uri(), choice.source());
      case TESTCONTAINERS -> ContainerServers.postgres(choice.image());
      case EMBEDDED -> embeddedPostgres();
      default -> throw new IllegalArgumentException("No PostgreSQL from " + choice.source());
    };
    try {
      verify(server);
      return server;
    } catch (SQLException e) {
      server.close();
      throw e;
    }
  }

  static RedisServerHandle redis(ServiceChoice choice) throws Exception {
    RedisServerHandle server = switch (choice.source()) {
      case ENV, LOOPBACK -> new RedisServerHandle(choice.uri(), choice.source(), null);
      case TESTCONTAINERS -> ContainerServers.redis(choice.image());
      case EMBEDDED -> embeddedRedis();
      default -> throw new IllegalArgumentException("No Redis from " + choice.source());
    };
    try {
      server.verify();
      return server;
    } catch (IOException e) {
      server.close();
      throw e;
    }
  }

  /**
   * zonky's PostgreSQL from the binaries on the test classpath, on a port it picks itself.
   * It listens on the IPv4 loopback only, so the address is given as 127.0.0.1 rather than
   * {@code localhost}, which clients may try as ::1 first.
   */
  static PostgresServer embeddedPostgres() throws IOException {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    return new PostgresServer(MosquittoBroker.HOST, postgres.getPort(), "postgres", null,
        "postgres", null, ServiceSource.EMBEDDED, postgres);
  }

  /**
   * The redis-server binary packed in embedded-redis, on a free loopback port. Snapshots are
   * off so that it never writes a dump into the module's folder.
   */
  static RedisServerHandle embeddedRedis() throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      int port = FreePorts.pick();
      RedisServer server = RedisServer.newRedisServer()
          .bind(MosquittoBroker.HOST)
          .port(port)
          .setting("save \"\"")
          .setting("appendonly no")
          .build();
      try {
        server.start();
        URI uri = URI.create("redis://" + MosquittoBroker.HOST + ":" + port);
        return new RedisServerHandle(uri, ServiceSource.EMBEDDED, server::stop);
      } catch (IOException | RuntimeException e) {
        last = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
      }
    }
    throw last;
  }

  private static void verify(PostgresServer server) throws SQLException {
    try (Connection connection = server.connect(server.adminDatabase());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select 1")) {
      rows.next();
    }
  }
}
