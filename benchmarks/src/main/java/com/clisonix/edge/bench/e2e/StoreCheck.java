package com.clisonix.edge.bench.e2e;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counts what reached {@code biometric_data} in a step, message by message: each harness packet
 * stores one {@code energy_expended} reading whose value is the message's sequence number, so
 * (device, value) names a message. Readings are selected by the run's athletes and the step's
 * time window (steps never overlap: each drains before the next starts).
 */
final class StoreCheck {
  /** The verdict on one step. */
  record Outcome(long acked, long stored, long lost, long duplicated, long unacknowledgedButStored) {
    boolean exact() {
      return lost == 0 && duplicated == 0;
    }

    @Override
    public String toString() {
      return "acked=" + acked + " stored_distinct=" + stored + " lost=" + lost + " duplicated=" + duplicated
          + " stored_without_puback=" + unacknowledgedButStored;
    }
  }

  private final OwnPostgres pg;
  private final String db;
  private final UUID[] users;
  private final Map<String, Integer> athleteOfDevice = new HashMap<>();

  StoreCheck(OwnPostgres pg, String db, List<UUID> users, List<String> devices) {
    this.pg = pg;
    this.db = db;
    this.users = users.toArray(UUID[]::new);
    for (int i = 0; i < devices.size(); i++) {
      athleteOfDevice.put(devices.get(i), i);
    }
  }

  /** Rows stored since {@code fromMillis} (epoch ms); -1 when the database does not answer. */
  long count(long fromMillis) {
    try (Connection c = pg.connect(db); PreparedStatement s = c.prepareStatement(
        "SELECT count(*) FROM biometric_data WHERE user_id = ANY(?) AND biometric_type = 'energy_expended' "
            + "AND measurement_time >= ?")) {
      s.setArray(1, c.createArrayOf("uuid", users));
      s.setTimestamp(2, new Timestamp(fromMillis));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      return -1;
    }
  }

  /**
   * Waits until at least {@code expected} rows are there, or the count has not moved for
   * {@code quietMillis}, or {@code maxMillis} passed.
   *
   * @return milliseconds waited
   */
  long awaitDrain(long fromMillis, long expected, long quietMillis, long maxMillis) {
    long start = System.currentTimeMillis();
    long last = -2;
    long lastChange = start;
    while (System.currentTimeMillis() - start < maxMillis) {
      long n = count(fromMillis);
      if (n >= expected) {
        return System.currentTimeMillis() - start;
      }
      if (n != last) {
        last = n;
        lastChange = System.currentTimeMillis();
      } else if (System.currentTimeMillis() - lastChange > quietMillis) {
        break;
      }
      Children.sleep(100);
    }
    return System.currentTimeMillis() - start;
  }

  Outcome verify(long fromMillis, LoadPublisher.Acked acked) {
    BitSet[] stored = new BitSet[acked.perAthlete.length];
    for (int i = 0; i < stored.length; i++) {
      stored[i] = new BitSet();
    }
    long duplicated = 0;
    try (Connection c = pg.connect(db)) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement("SELECT device_id, value::int, count(*) FROM biometric_data "
          + "WHERE user_id = ANY(?) AND biometric_type = 'energy_expended' AND measurement_time >= ? GROUP BY 1, 2")) {
        Array arr = c.createArrayOf("uuid", users);
        s.setArray(1, arr);
        s.setTimestamp(2, new Timestamp(fromMillis));
        s.setFetchSize(10_000);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            Integer a = athleteOfDevice.get(r.getString(1));
            if (a == null) {
              continue;
            }
            stored[a].set(r.getInt(2));
            duplicated += r.getLong(3) - 1;
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the edge store", e);
    }
    long ackedCount = 0;
    long lost = 0;
    long extra = 0;
    long storedCount = 0;
    synchronized (acked) {
      for (int a = 0; a < stored.length; a++) {
        // sequence numbers above 65535 wrap in the 16-bit field: fold the acked set the same way
        BitSet ack = new BitSet();
        BitSet src = acked.perAthlete[a];
        for (int s = src.nextSetBit(0); s >= 0; s = src.nextSetBit(s + 1)) {
          ack.set(s & 0xFFFF);
        }
        ackedCount += ack.cardinality();
        storedCount += stored[a].cardinality();
        BitSet missing = (BitSet) ack.clone();
        missing.andNot(stored[a]);
        lost += missing.cardinality();
        BitSet unacked = (BitSet) stored[a].clone();
        unacked.andNot(ack);
        extra += unacked.cardinality();
      }
    }
    return new Outcome(ackedCount, storedCount, lost, duplicated, extra);
  }
}
