package com.clisonix.edge.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a Redis server is and how to log in, parsed from a {@code redis://} URI
 * ({@code redis://[[user]:password@]host[:port][/db]}, {@code rediss://} for TLS).
 */
record RedisAddress(String host, int port, String username, String password, int database,
    boolean tls) {

  static RedisAddress parse(URI uri) {
    String username = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        password = decode(userInfo);
      } else {
        username = colon == 0 ? null : decode(userInfo.substring(0, colon));
        password = decode(userInfo.substring(colon + 1));
      }
    }
    int database = 0;
    String path = uri.getPath();
    if (path != null && path.length() > 1) {
      database = Integer.parseInt(path.substring(1));
    }
    return new RedisAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), username,
        password, database, "rediss".equalsIgnoreCase(uri.getScheme()));
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }
}
