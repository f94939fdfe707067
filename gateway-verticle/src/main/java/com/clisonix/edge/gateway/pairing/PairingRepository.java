package com.clisonix.edge.gateway.pairing;

import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import com.clisonix.edge.gateway.crypto.StoreCrypto;
import com.clisonix.edge.gateway.store.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of {@code pairings}, {@code camera_track_pairings} and device labels. */
public final class PairingRepository {
  private final Pool pool;
  private final StoreCrypto crypto;

  public PairingRepository(Pool pool, StoreCrypto crypto) {
    this.pool = pool;
    this.crypto = crypto;
  }

  /**
   * Who owns what, as ingestion reads it: an open pairing wins; otherwise a profile's
   * {@code linked_wearables} make the device theirs for good.
   */
  public Future<JsonObject> snapshot() {
    Future<io.vertx.sqlclient.RowSet<Row>> linked = pool.query("SELECT u.id, w.value AS device_id FROM fitness_users u, "
        + "jsonb_each_text(u.linked_wearables) w WHERE u.active").execute();
    Future<io.vertx.sqlclient.RowSet<Row>> open = pool.query("SELECT device_id, user_id FROM pairings WHERE ended_at IS NULL")
        .execute();
    Future<io.vertx.sqlclient.RowSet<Row>> tracks = pool.query("SELECT camera_id, track, user_id, exercise "
        + "FROM camera_track_pairings WHERE ended_at IS NULL").execute();
    Future<io.vertx.sqlclient.RowSet<Row>> consent = pool.query("SELECT id FROM fitness_users WHERE camera_enabled").execute();
    return Future.all(linked, open, tracks, consent).map(v -> {
      JsonObject devices = new JsonObject();
      linked.result().forEach(r -> devices.put(r.getString("device_id"), r.getUUID("id").toString()));
      open.result().forEach(r -> devices.put(r.getString("device_id"), r.getUUID("user_id").toString()));
      JsonObject t = new JsonObject();
      tracks.result().forEach(r -> t.put(r.getString("camera_id") + "/" + r.getString("track"), new JsonObject()
          .put("user_id", r.getUUID("user_id").toString()).put("exercise", r.getString("exercise"))));
      JsonArray c = new JsonArray();
      consent.result().forEach(r -> c.add(r.getUUID("id").toString()));
      return new JsonObject().put("devices", devices).put("tracks", t).put("camera_consent", c);
    });
  }


  /** Pairs the device, ending any open pairing of it (last pairing wins); the previous user, if any. */
  public Future<Optional<UUID>> pair(String deviceId, UUID userId) {
    return pool.withTransaction(tx -> tx.preparedQuery("UPDATE pairings SET ended_at = now(), ended_reason = 'moved', "
            + "updated_at = now() WHERE device_id = $1 AND ended_at IS NULL RETURNING user_id")
        .execute(Tuple.of(deviceId))
        .compose(prev -> tx.preparedQuery("INSERT INTO pairings (id, device_id, user_id, kind, paired_at) "
                + "SELECT $1, $2, $3, COALESCE((SELECT kind FROM devices WHERE device_id = $4 AND kind <> 'unknown'), "
                + "'strap'), now()")
            .execute(Tuple.of(UUID.randomUUID(), deviceId, userId, deviceId))
            .map(r -> prev.size() == 0 ? Optional.<UUID>empty() : Optional.of(prev.iterator().next().getUUID("user_id")))));
  }

  /** Ends the device's open pairing; the user it belonged to, or empty when it was not paired. */
  public Future<Optional<UUID>> unpair(String deviceId, String reason) {
    return pool.preparedQuery("UPDATE pairings SET ended_at = now(), ended_reason = $2, updated_at = now() "
            + "WHERE device_id = $1 AND ended_at IS NULL RETURNING user_id")
        .execute(Tuple.of(deviceId, reason))
        .map(r -> r.size() == 0 ? Optional.empty() : Optional.of(r.iterator().next().getUUID("user_id")));
  }

  /**
   * A machine is paired for one workout: its pairing ends with the workout. A device counts as a
   * machine when it was paired as one or has since sent a machine characteristic (a coach may pair
   * a bike before it was ever seen).
   */
  public Future<List<String>> endMachinePairings(UUID userId) {
    return pool.preparedQuery("UPDATE pairings SET ended_at = now(), ended_reason = 'workout_ended', kind = 'machine', "
            + "updated_at = now() WHERE user_id = $1 AND ended_at IS NULL AND (kind = 'machine' OR device_id IN "
            + "(SELECT device_id FROM devices WHERE kind = 'machine')) RETURNING device_id")
        .execute(Tuple.of(userId))
        .map(rows -> {
          java.util.ArrayList<String> out = new java.util.ArrayList<>();
          rows.forEach(r -> out.add(r.getString("device_id")));
          return out;
        });
  }

  public Future<Optional<UUID>> pairTrack(String cameraId, String track, UUID userId, String exercise) {
    return pool.withTransaction(tx -> tx.preparedQuery("UPDATE camera_track_pairings SET ended_at = now(), "
            + "updated_at = now() WHERE camera_id = $1 AND track = $2 AND ended_at IS NULL RETURNING user_id")
        .execute(Tuple.of(cameraId, track))
        .compose(prev -> tx.preparedQuery("INSERT INTO camera_track_pairings (id, camera_id, track, user_id, exercise, "
                + "paired_at) VALUES ($1, $2, $3, $4, $5, now())")
            .execute(Tuple.of(UUID.randomUUID(), cameraId, track, userId, exercise))
            .map(r -> prev.size() == 0 ? Optional.<UUID>empty() : Optional.of(prev.iterator().next().getUUID("user_id")))));
  }

  public Future<Optional<UUID>> unpairTrack(String cameraId, String track) {
    return pool.preparedQuery("UPDATE camera_track_pairings SET ended_at = now(), updated_at = now() "
            + "WHERE camera_id = $1 AND track = $2 AND ended_at IS NULL RETURNING user_id")
        .execute(Tuple.of(cameraId, track))
        .map(r -> r.size() == 0 ? Optional.empty() : Optional.of(r.iterator().next().getUUID("user_id")));
  }

  /** Every device seen or labelled, with its open pairing. */
  public Future<JsonArray> devices() {
    return pool.query("SELECT d.device_id, d.kind, d.device_type, d.label, d.bridge_id, d.first_seen, d.last_seen, "
            + "d.rssi, d.battery, d.last_value, p.user_id AS paired_user_id FROM devices d "
            + "LEFT JOIN pairings p ON p.device_id = d.device_id AND p.ended_at IS NULL "
            + "ORDER BY d.last_seen DESC NULLS LAST, d.device_id").execute()
        .map(rows -> {
          JsonArray out = new JsonArray();
          for (Row r : rows) {
            String last = crypto.cipher().decryptString(EncryptedColumn.DEVICE_LAST_VALUE, Rows.bytes(r, "last_value"));
            out.add(Rows.toJson(r).put("last_value", last == null ? null : new JsonObject(last)));
          }
          return out;
        });
  }

  /** Labels a device, known yet or not (a coach may label a strap before it is first worn). */
  public Future<JsonObject> label(String deviceId, String label) {
    return pool.preparedQuery("INSERT INTO devices (device_id, kind, label) VALUES ($1, 'unknown', $2) "
            + "ON CONFLICT (device_id) DO UPDATE SET label = EXCLUDED.label, updated_at = now() "
            + "RETURNING device_id, kind, device_type, label, bridge_id, first_seen, last_seen, rssi, battery")
        .execute(Tuple.of(deviceId, label))
        .map(r -> Rows.toJson(r.iterator().next()));
  }
}
