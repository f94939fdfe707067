package com.clisonix.edge.sensor.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of the most recent timestamped messages handed to analysis, so a repeat is not
 * analysed twice; bounded, oldest forgotten first. Owned by one verticle: not thread-safe.
 */
public final class RecentKeys {
  private final LinkedHashMap<MessageKey, Boolean> keys;

  public RecentKeys(int capacity) {
    this.keys = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<MessageKey, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** True when the key is new (and remembers it), false when it was seen. */
  public boolean add(MessageKey key) {
    return keys.putIfAbsent(key, Boolean.TRUE) == null;
  }

  public int size() {
    return keys.size();
  }
}
