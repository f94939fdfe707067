package com.clisonix.edge.testing;

/**
 * A PostgreSQL database that belongs to one test class.
 *
 * <p>The database is created on the resolved server when the class first asks for it and
 * dropped (with {@code FORCE}, so leftover connections cannot keep it alive) after the class.
 */
public interface PostgresService {

  /**
   * The database as a URI that vertx-pg-client and the gateway's configuration accept.
   *
   * @return {@code postgres://user[:password]@host:port/database}, user and password
   *     percent-encoded, plus any query (such as {@code sslmode}) of a configured URI
   */
  String uri();

  String host();

  int port();

  /** The per-class database: {@code t_<simple class name in lower case>_<random>}. */
  String database();

  String user();

  /** The password, or {@code null} when the server trusts the connection. */
  String password();

  /** Where the server came from: {@code env}, {@code loopback}, {@code testcontainers} or {@code embedded}. */
  String source();
}
