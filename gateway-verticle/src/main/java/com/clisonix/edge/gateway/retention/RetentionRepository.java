package com.clisonix.edge.gateway.retention;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * The SQL of the edge store's retention: how much it holds, and dropping its oldest readings. Only
 * {@code biometric_data} is ever deleted from; profiles, workouts and everything else stay.
 */
public final class RetentionRepository {
  /** Held for the length of a drop, so the boxes sharing one edge database do not drop twice. */
  static final long DROP_LOCK = 7_340_013L;

  /** One measurement of the store. */
  public record Usage(long readings, long dbBytes, long readingsBytes, long insertedTotal, long confirmedSeq) {}

  private final Pool pool;

  public RetentionRepository(Pool pool) {
    this.pool = pool;
  }

  /** Below this many readings an exact count is cheap (an index-only scan of milliseconds). */
  static final long EXACT_BELOW = 1_000_000;

  /**
   * The readings are counted exactly while the table is small or near the limit; a large table far
   * from it uses PostgreSQL's live-row statistic instead, so a box holding tens of millions of
   * readings does not scan them every few seconds.
   */
  public Future<Usage> usage(long maxReadings) {
    return pool.preparedQuery("SELECT coalesce(s.n_live_tup, 0), pg_database_size(current_database()), "
            + "pg_total_relation_size('biometric_data'), coalesce(s.n_tup_ins, 0), coalesce((SELECT confirmed_seq "
            + "FROM replication_cursor WHERE table_name = 'biometric_data'), 0) FROM (SELECT 1) one LEFT JOIN "
            + "pg_stat_user_tables s ON s.relid = 'biometric_data'::regclass").execute()
        .compose(rows -> {
          Row r = rows.iterator().next();
          long estimate = r.getLong(0);
          Future<Long> readings = estimate < EXACT_BELOW || estimate >= maxReadings * 0.8
              ? pool.query("SELECT count(*) FROM biometric_data").execute().map(c -> c.iterator().next().getLong(0))
              : Future.succeededFuture(estimate);
          return readings.map(n -> new Usage(n, r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)));
        });
  }

  /** Readings the cloud has confirmed (numbered at or below the cursor); a range scan of the repl_seq index. */
  public Future<Long> replicated(long confirmedSeq) {
    return pool.preparedQuery("SELECT count(*) FROM biometric_data WHERE repl_seq <= $1").execute(Tuple.of(confirmedSeq))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /**
   * Deletes up to {@code limit} of the oldest readings (by replication number, i.e. by when they
   * were stored): those the cloud confirmed when {@code replicatedOnly}, else the oldest of those it
   * has not. Returns -1 when another box holds the drop lock.
   */
  public Future<Long> dropOldest(long confirmedSeq, boolean replicatedOnly, long limit) {
    String where = replicatedOnly ? "repl_seq <= $1" : "repl_seq > $1";
    return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(DROP_LOCK))
        .compose(locked -> !locked.iterator().next().getBoolean(0) ? Future.succeededFuture(-1L)
            : tx.preparedQuery("DELETE FROM biometric_data WHERE id IN (SELECT id FROM biometric_data WHERE " + where
                    + " ORDER BY repl_seq LIMIT $2)")
                .execute(Tuple.of(confirmedSeq, limit)).map(rows -> (long) rows.rowCount())));
  }
}
