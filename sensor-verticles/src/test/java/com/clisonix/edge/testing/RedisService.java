package com.clisonix.edge.testing;

/**
 * A Redis server shared by all tests, with a key prefix that belongs to one test class.
 *
 * <p>Keys that start with {@link #keyPrefix()} are deleted after the class; keys outside it
 * are never touched, so code under test must be configurable with a prefix.
 */
public interface RedisService {

  /** The server as {@code redis://host:port} (a configured URI is returned as given). */
  String uri();

  /** The class's key prefix: {@code t:<random>:}. */
  String keyPrefix();

  /** Where the server came from: {@code env}, {@code loopback}, {@code testcontainers} or {@code embedded}. */
  String source();
}
