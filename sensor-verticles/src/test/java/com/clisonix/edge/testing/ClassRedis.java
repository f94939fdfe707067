package com.clisonix.edge.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The key prefix of one test class on the shared Redis server, and the clean-up after it. */
final class ClassRedis implements RedisService, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClassRedis.class);

  private final RedisServerHandle server;
  private final String keyPrefix;

  ClassRedis(RedisServerHandle server, String keyPrefix) {
    this.server = server;
    this.keyPrefix = keyPrefix;
  }

  static ClassRedis create(RedisServerHandle server) {
    return new ClassRedis(server, TestNames.keyPrefix(TestNames.random()));
  }

  @Override
  public String uri() {
    return server.uri();
  }

  @Override
  public String keyPrefix() {
    return keyPrefix;
  }

  @Override
  public String source() {
    return server.source().label();
  }

  /**
   * Deletes every key under the prefix. SCAN instead of KEYS so a shared developer Redis is
   * not blocked; the prefix holds only the generated letters, digits and colons, so it needs
   * no escaping in the pattern.
   */
  @Override
  public void close() throws IOException {
    long deleted = 0;
    try (RespClient client = server.connect()) {
      String cursor = "0";
      do {
        List<?> reply = (List<?>) client.command("SCAN", cursor, "MATCH", keyPrefix + "*",
            "COUNT", "1000");
        cursor = (String) reply.get(0);
        List<String> keys = new ArrayList<>();
        for (Object key : (List<?>) reply.get(1)) {
          keys.add((String) key);
        }
        if (!keys.isEmpty()) {
          List<String> command = new ArrayList<>(keys.size() + 1);
          command.add("DEL");
          command.addAll(keys);
          deleted += (Long) client.command(command.toArray(String[]::new));
        }
      } while (!"0".equals(cursor));
    }
    LOG.debug("Deleted {} keys under {}", deleted, keyPrefix);
  }

  @Override
  public String toString() {
    return "RedisService[" + keyPrefix + " on " + server.uri() + ", " + source() + "]";
  }
}
