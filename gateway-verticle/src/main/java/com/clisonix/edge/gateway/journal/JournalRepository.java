package com.clisonix.edge.gateway.journal;

import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import com.clisonix.edge.gateway.crypto.FieldCipher;
import com.clisonix.edge.gateway.crypto.StoreCrypto;
import com.clisonix.edge.gateway.store.Rows;
import com.clisonix.edge.sensor.ingest.DeviceSighting;
import com.clisonix.edge.sensor.ingest.MessageKey;
import com.clisonix.edge.sensor.ingest.Reading;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL of the reading journal: {@code biometric_data} inserts, {@code ingest_messages} for the
 * once-only rule, and device sightings. Every statement is one round trip for a whole batch
 * ({@code unnest} of arrays), so a batch of 500 readings costs a handful of statements. Arrays go in
 * with {@code Tuple.from(new Object[] {...})}: {@code Tuple.of} is varargs and would spread them.
 */
public final class JournalRepository {
  private final Pool pool;
  private final StoreCrypto crypto;

  public JournalRepository(Pool pool, StoreCrypto crypto) {
    this.pool = pool;
    this.crypto = crypto;
  }

  public Future<Map<UUID, UUID>> openWorkouts() {
    return pool.query("SELECT user_id, id FROM workouts WHERE ended_at IS NULL").execute().map(rows -> {
      Map<UUID, UUID> out = new HashMap<>();
      for (Row r : rows) {
        out.put(r.getUUID("user_id"), r.getUUID("id"));
      }
      return out;
    });
  }

  /**
   * One batch in one transaction.
   *
   * @param supersededMids packet ids that the broker has reused: their in-flight keys are done
   * @param mustStore in-flight keys of first deliveries (stored even if a stale key is there)
   * @param toCheck keys of timestamped messages and redeliveries: only new ones are stored
   * @param readingsOf readings of each key, and the readings of messages without a key (key null)
   * @return the keys of {@code toCheck} that were new
   */
  public Future<Set<MessageKey>> commit(List<Integer> supersededMids, List<MessageKey> mustStore,
      Map<MessageKey, Integer> mustStoreMids, List<MessageKey> toCheck, Map<MessageKey, Integer> checkMids,
      java.util.function.Function<Set<MessageKey>, List<Reading>> readingsOf, List<DeviceSighting> sightings,
      Map<UUID, String> contexts) {
    return pool.withTransaction(tx -> {
      Future<Void> f = Future.succeededFuture();
      if (!supersededMids.isEmpty()) {
        f = tx.preparedQuery("DELETE FROM ingest_messages WHERE kind = 2 AND mid = ANY($1::int4[])")
            .execute(Tuple.from(new Object[] {supersededMids.toArray(Integer[]::new)})).mapEmpty();
      }
      if (!mustStore.isEmpty()) {
        f = f.compose(v -> tx.preparedQuery("INSERT INTO ingest_messages (key, kind, mid) SELECT k, 2, m "
                + "FROM unnest($1::bytea[], $2::int4[]) AS t(k, m) ON CONFLICT (key) DO UPDATE SET received_at = now(), "
                + "mid = EXCLUDED.mid")
            .execute(Tuple.from(new Object[] {buffers(mustStore), mids(mustStore, mustStoreMids)})).mapEmpty());
      }
      Future<Set<MessageKey>> fresh = f.compose(v -> toCheck.isEmpty() ? Future.succeededFuture(Set.of())
          : tx.preparedQuery("INSERT INTO ingest_messages (key, kind, mid) SELECT k, c, m "
                  + "FROM unnest($1::bytea[], $2::int2[], $3::int4[]) AS t(k, c, m) ON CONFLICT (key) DO NOTHING RETURNING key")
              .execute(Tuple.from(new Object[] {buffers(toCheck), kinds(toCheck), mids(toCheck, checkMids)}))
              .map(rows -> newKeys(rows, toCheck)));
      return fresh.compose(newKeys -> insertReadings(tx, readingsOf.apply(newKeys), contexts)
          .compose(v -> upsertDevices(tx, sightings))
          .map(newKeys));
    });
  }

  private Set<MessageKey> newKeys(io.vertx.sqlclient.RowSet<Row> rows, List<MessageKey> candidates) {
    Map<Buffer, MessageKey> byBytes = new HashMap<>();
    for (MessageKey k : candidates) {
      byBytes.put(stored(k), k);
    }
    Set<MessageKey> out = new HashSet<>();
    for (Row r : rows) {
      MessageKey k = byBytes.get(r.getBuffer("key"));
      if (k != null) {
        out.add(k);
      }
    }
    return out;
  }

  private Future<Void> insertReadings(SqlConnection tx, List<Reading> readings, Map<UUID, String> contexts) {
    if (readings.isEmpty()) {
      return Future.succeededFuture();
    }
    int n = readings.size();
    UUID[] ids = new UUID[n];
    UUID[] users = new UUID[n];
    String[] types = new String[n];
    Buffer[] values = new Buffer[n];
    String[] units = new String[n];
    OffsetDateTime[] times = new OffsetDateTime[n];
    String[] ctx = new String[n];
    String[] deviceTypes = new String[n];
    Buffer[] deviceIds = new Buffer[n];
    Buffer[] deviceHashes = new Buffer[n];
    Buffer[] raw = new Buffer[n];
    FieldCipher cipher = crypto.cipher();
    for (int i = 0; i < n; i++) {
      Reading r = readings.get(i);
      ids[i] = UUID.randomUUID();
      users[i] = r.userId();
      types[i] = r.type().wireName();
      // encrypted here, in the journal's batch: a few microseconds a reading (BENCHMARKS.md)
      values[i] = Buffer.buffer(cipher.encryptDouble(EncryptedColumn.READING_VALUE, r.value()));
      units[i] = r.unit();
      times[i] = OffsetDateTime.ofInstant(Instant.ofEpochMilli(r.measuredAt()), ZoneOffset.UTC);
      ctx[i] = contexts.getOrDefault(r.userId(), "rest");
      deviceTypes[i] = r.deviceType();
      deviceIds[i] = Rows.buffer(cipher.encryptString(EncryptedColumn.READING_DEVICE_ID, r.deviceId()));
      deviceHashes[i] = Rows.buffer(crypto.hash().deviceId(r.deviceId()));
      raw[i] = Rows.buffer(cipher.encryptString(EncryptedColumn.READING_RAW_DATA, r.rawJson()));
    }
    return tx.preparedQuery("INSERT INTO biometric_data (id, user_id, biometric_type, value, unit, measurement_time, "
            + "context, device_type, device_id, device_id_hash, raw_data) SELECT * FROM "
            + "unnest($1::uuid[], $2::uuid[], $3::text[], $4::bytea[], $5::text[], $6::timestamptz[], $7::text[], "
            + "$8::text[], $9::bytea[], $10::bytea[], $11::bytea[])")
        .execute(Tuple.from(new Object[] {ids, users, types, values, units, times, ctx, deviceTypes, deviceIds,
            deviceHashes, raw}))
        .mapEmpty();
  }

  private Future<Void> upsertDevices(SqlConnection tx, List<DeviceSighting> sightings) {
    if (sightings.isEmpty()) {
      return Future.succeededFuture();
    }
    int n = sightings.size();
    String[] ids = new String[n];
    String[] kinds = new String[n];
    String[] types = new String[n];
    String[] bridges = new String[n];
    OffsetDateTime[] seen = new OffsetDateTime[n];
    Integer[] rssi = new Integer[n];
    Integer[] battery = new Integer[n];
    Buffer[] last = new Buffer[n];
    for (int i = 0; i < n; i++) {
      DeviceSighting s = sightings.get(i);
      ids[i] = s.deviceId();
      kinds[i] = s.kind();
      types[i] = s.deviceType();
      bridges[i] = s.bridgeId();
      seen[i] = OffsetDateTime.ofInstant(Instant.ofEpochMilli(s.seenAt()), ZoneOffset.UTC);
      rssi[i] = s.rssi();
      battery[i] = s.battery();
      last[i] = Rows.buffer(crypto.cipher().encryptString(EncryptedColumn.DEVICE_LAST_VALUE, s.lastValueJson()));
    }
    return tx.preparedQuery("INSERT INTO devices (device_id, kind, device_type, bridge_id, last_seen, rssi, battery, "
            + "last_value) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], "
            + "$6::int4[], $7::int4[], $8::bytea[]) ON CONFLICT (device_id) DO UPDATE SET kind = EXCLUDED.kind, "
            + "device_type = EXCLUDED.device_type, bridge_id = EXCLUDED.bridge_id, last_seen = EXCLUDED.last_seen, "
            + "rssi = COALESCE(EXCLUDED.rssi, devices.rssi), battery = COALESCE(EXCLUDED.battery, devices.battery), "
            + "last_value = EXCLUDED.last_value, updated_at = now()")
        .execute(Tuple.from(new Object[] {ids, kinds, types, bridges, seen, rssi, battery, last}))
        .mapEmpty();
  }

  /** Forgets keys that can no longer matter: timestamps beyond the accepted window, sessions long expired. */
  public Future<Integer> purge() {
    return pool.query("DELETE FROM ingest_messages WHERE (kind = 1 AND received_at < now() - interval '25 hours') "
            + "OR (kind = 2 AND received_at < now() - interval '8 days')").execute()
        .map(r -> r.rowCount());
  }

  private Buffer[] buffers(List<MessageKey> keys) {
    Buffer[] out = new Buffer[keys.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = stored(keys.get(i));
    }
    return out;
  }

  /** A key as {@code ingest_messages} holds it: keyed, so it cannot be reversed to the payload. */
  private Buffer stored(MessageKey k) {
    return Buffer.buffer(crypto.hash().ingestKey(k.digest()));
  }

  private static Short[] kinds(List<MessageKey> keys) {
    Short[] out = new Short[keys.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = keys.get(i).kind().code();
    }
    return out;
  }

  private static Integer[] mids(List<MessageKey> keys, Map<MessageKey, Integer> mids) {
    Integer[] out = new Integer[keys.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = mids.get(keys.get(i));
    }
    return out;
  }

}
