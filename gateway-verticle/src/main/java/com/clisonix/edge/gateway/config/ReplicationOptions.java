package com.clisonix.edge.gateway.config;

/**
 * How the replicator sends edge rows to the cloud: batch size and age, the pace of a drain after
 * an outage (a token bucket of {@code maxRowsPerSecond} with one second of burst), and the longest
 * wait between retries while the cloud is unreachable. {@code catchUpBatchSize} is the batch of a
 * table whose previous batch was full: a backlog drains in fewer, larger transactions.
 */
public record ReplicationOptions(int batchSize, int batchAgeMs, int maxRowsPerSecond, int minBackoffMs,
    int maxBackoffMs, int catchUpBatchSize, int confirmDelayMs) {

  static ReplicationOptions from(ConfigReader r) {
    int batch = r.integer("replication.batch_size", 500, 1, 50_000);
    int age = r.integer("replication.batch_age_ms", 1000, 10, 600_000);
    int rate = r.integer("replication.max_rows_per_second", 5000, 1, 10_000_000);
    int minBackoff = r.integer("replication.min_backoff_ms", 500, 10, 600_000);
    int maxBackoff = r.integer("replication.max_backoff_ms", 30_000, 10, 3_600_000);
    if (maxBackoff < minBackoff) {
      throw new ConfigException("replication.max_backoff_ms",
          "replication.max_backoff_ms must not be below replication.min_backoff_ms (" + minBackoff + ")");
    }
    int catchUp = r.integer("replication.catch_up_batch_size", Math.max(batch, 10_000), batch, 100_000);
    // a wait between the cloud's commit and the cursor's move: 0 in service; the crash tests widen
    // that window so a kill can land in it
    int confirmDelay = r.integer("replication.confirm_delay_ms", 0, 0, 60_000);
    return new ReplicationOptions(batch, age, rate, minBackoff, maxBackoff, catchUp, confirmDelay);
  }
}
