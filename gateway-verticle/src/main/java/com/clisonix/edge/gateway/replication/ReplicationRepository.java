package com.clisonix.edge.gateway.replication;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Every statement of edge-to-cloud replication. Rows travel as one JSON array per batch: the edge
 * renders them with {@code to_jsonb} and the cloud reads them back with
 * {@code jsonb_populate_recordset}, so PostgreSQL converts every type both ways (timestamps to the
 * microsecond, doubles exactly, jsonb as it was) and a batch costs one round trip on each side.
 * Each element keeps its {@code repl_seq}: the cloud ignores it (no such cloud column), and a
 * refused row can be named by it.
 */
public final class ReplicationRepository {
  /** The key writers hold shared while they take sequence numbers (db/edge V3_1). */
  static final long HORIZON_LOCK = 7_340_011L;
  /** The cursor row of erasures in {@code replication_cursor}. */
  public static final String ERASURES = "replication_erasures";

  /**
   * A replicated table, how the cloud identifies a row of it, whether a resend may change it, and
   * the column that dates a pending row.
   */
  public record Table(String name, String conflictKey, boolean mutable, String stamp) {
    public Table(String name, String conflictKey, boolean mutable) {
      this(name, conflictKey, mutable, mutable ? "updated_at" : "created_at");
    }

    /** The key columns an edge row carries (the cloud adds gym_id). */
    public List<String> edgeKey() {
      return List.of(conflictKey.split(",\\s*")).stream().filter(c -> !c.equals("gym_id")).toList();
    }
  }

  /** In send order; the cloud has no foreign keys, the order only keeps parents ahead of children. */
  public static final List<Table> TABLES = List.of(
      new Table("fitness_users", "id", true),
      new Table("classes", "id", true),
      new Table("workouts", "id", true),
      new Table("exercises", "id", true),
      new Table("user_achievements", "id", true),
      new Table("fitness_stats", "id", true),
      new Table("devices", "gym_id, device_id", true),
      new Table("pairings", "id", true),
      new Table("camera_track_pairings", "id", true),
      new Table("music_recordings", "gym_id, owner_kind, owner_id", true, "recorded_at"),
      new Table("biometric_data", "id", false),
      new Table("coaching_sessions", "id", false));

  /** Rows read from the edge for one batch. */
  public record Batch(int rows, long lastSeq, String json) {}

  /** Erasures read from the edge for one batch. */
  public record Erasures(List<UUID> users, long lastSeq) {}

  private final Pool edge;
  private final Pool cloud;
  private final Map<String, String> upserts = new HashMap<>();
  private final Map<String, String> sliceUpserts = new HashMap<>();

  /** @param cloud null when only the edge side is used (status without replication) */
  public ReplicationRepository(Pool edge, Pool cloud) {
    this.edge = edge;
    this.cloud = cloud;
  }

  /**
   * Prepares each table's cloud statement from the columns both stores share, read once from
   * information_schema, so a column added to both by a migration travels without code changes.
   */
  public Future<Void> loadColumns() {
    String sql = "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()";
    return Future.all(edge.query(sql).execute(), cloud.query(sql).execute()).map(all -> {
      Map<String, Set<String>> edgeCols = columns(all.resultAt(0));
      Map<String, Set<String>> cloudCols = columns(all.resultAt(1));
      for (Table t : TABLES) {
        Set<String> shared = new TreeSet<>(edgeCols.getOrDefault(t.name(), Set.of()));
        shared.retainAll(cloudCols.getOrDefault(t.name(), Set.of()));
        shared.remove("repl_seq");
        shared.remove("gym_id");
        if (shared.isEmpty() || !cloudCols.getOrDefault(t.name(), Set.of()).contains("gym_id")) {
          throw new IllegalStateException("the cloud database lacks table " + t.name() + " with gym_id");
        }
        upserts.put(t.name(), upsert(t, new ArrayList<>(shared), "$1::text::jsonb"));
        // elements $3..$4 (1-based) of the batch's array, for splitting a batch the cloud refused;
        // jsonb keeps every number exactly as the edge rendered it
        sliceUpserts.put(t.name(), upsert(t, new ArrayList<>(shared), "(SELECT coalesce(jsonb_agg(e ORDER BY o), '[]') "
            + "FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS a(e, o) WHERE o BETWEEN $3 AND $4)"));
      }
      return null;
    });
  }

  private static Map<String, Set<String>> columns(io.vertx.sqlclient.RowSet<Row> rows) {
    Map<String, Set<String>> out = new HashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(r.getString(0), k -> new TreeSet<>()).add(r.getString(1));
    }
    return out;
  }

  private static String upsert(Table t, List<String> cols, String source) {
    String list = String.join(", ", cols);
    String sql = "INSERT INTO " + t.name() + " (" + list + ", gym_id) SELECT " + list + ", $2 FROM "
        + "jsonb_populate_recordset(NULL::" + t.name() + ", " + source + ") ON CONFLICT (" + t.conflictKey() + ") ";
    if (!t.mutable()) {
      return sql + "DO NOTHING";
    }
    List<String> keys = List.of(t.conflictKey().split(",\\s*"));
    List<String> sets = cols.stream().filter(c -> !keys.contains(c)).map(c -> c + " = EXCLUDED." + c).toList();
    return sql + "DO UPDATE SET " + String.join(", ", sets);
  }

  /**
   * The highest sequence number below which no edge transaction is still open: taking the
   * writers' lock exclusively waits for the open ones (briefly: the lock times out rather than
   * hold ingestion up, and the next pass tries again).
   */
  public Future<Long> horizon() {
    return edge.withTransaction(tx -> tx.query("SET LOCAL lock_timeout = '500ms'").execute()
        .compose(v -> tx.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(HORIZON_LOCK)))
        .compose(v -> tx.query("SELECT last_value, is_called FROM replication_seq").execute())
        .map(rows -> {
          Row r = rows.iterator().next();
          return r.getBoolean(1) ? r.getLong(0) : 0L;
        }));
  }

  /** Every cursor the edge holds; a table never confirmed is at 0. */
  public Future<Map<String, Long>> cursors() {
    return edge.query("SELECT table_name, confirmed_seq FROM replication_cursor").execute().map(rows -> {
      Map<String, Long> out = new HashMap<>();
      for (Row r : rows) {
        out.put(r.getString(0), r.getLong(1));
      }
      return out;
    });
  }

  /** Up to {@code limit} edge rows of the table numbered in (after, horizon], in number order. */
  public Future<Batch> read(Table t, long after, long horizon, int limit) {
    String sql = "SELECT count(*)::int, max(repl_seq), coalesce(jsonb_agg(to_jsonb(b) ORDER BY repl_seq), "
        + "'[]')::text FROM (SELECT * FROM " + t.name() + " WHERE repl_seq > $1 AND repl_seq <= $2 ORDER BY repl_seq "
        + "LIMIT $3) b";
    return edge.preparedQuery(sql).execute(Tuple.of(after, horizon, limit)).map(rows -> {
      Row r = rows.iterator().next();
      return new Batch(r.getInteger(0), r.getLong(1) == null ? after : r.getLong(1), r.getString(2));
    });
  }

  /** One cloud transaction: the batch is in the cloud entirely or not at all. */
  public Future<Void> write(Table t, Batch batch, String gymId) {
    String sql = upserts.get(t.name());
    return cloud.withTransaction(tx -> tx.preparedQuery(sql).execute(Tuple.of(batch.json(), gymId))).mapEmpty();
  }

  /** Rows {@code from}..{@code to} (1-based, inclusive) of the batch, in one cloud transaction. */
  public Future<Void> writeSlice(Table t, Batch batch, String gymId, int from, int to) {
    String sql = sliceUpserts.get(t.name());
    return cloud.withTransaction(tx -> tx.preparedQuery(sql).execute(Tuple.of(batch.json(), gymId, from, to)))
        .mapEmpty();
  }

  /**
   * Keeps a row the cloud refused, with the reason, on the edge. The key is read from the batch
   * (element {@code index}, 1-based) so the entry names the row even after the edge changed it.
   */
  public Future<Void> quarantine(Table t, Batch batch, int index, String sqlState, String error) {
    List<String> key = t.edgeKey();
    StringBuilder expr = new StringBuilder();
    for (String k : key) {
      expr.append(expr.length() == 0 ? "" : " || '/' || ").append("(e->>'").append(k).append("')");
    }
    return edge.preparedQuery("INSERT INTO replication_quarantine (table_name, row_key, row_seq, sqlstate, error) "
            + "SELECT $1, " + expr + ", (e->>'repl_seq')::bigint, $4, $5 FROM (SELECT ($2::text::jsonb)->($3 - 1) AS e) s")
        .execute(Tuple.of(t.name(), batch.json(), index, sqlState, error))
        .mapEmpty();
  }

  /** How many rows the cloud refused, and the latest of them. */
  public Future<JsonObject> quarantined(int latest) {
    return edge.preparedQuery("SELECT (SELECT count(*) FROM replication_quarantine), table_name, row_key, row_seq, "
            + "sqlstate, error, quarantined_at FROM replication_quarantine ORDER BY id DESC LIMIT $1")
        .execute(Tuple.of(latest))
        .compose(rows -> {
          if (rows.size() == 0) {
            return edge.query("SELECT count(*) FROM replication_quarantine").execute()
                .map(c -> new JsonObject().put("rows", c.iterator().next().getLong(0)).put("latest", new io.vertx.core.json.JsonArray()));
          }
          io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
          long count = 0;
          for (Row r : rows) {
            count = r.getLong(0);
            out.add(new JsonObject().put("table", r.getString(1)).put("row_key", r.getString(2))
                .put("row_seq", r.getLong(3)).put("sqlstate", r.getString(4)).put("error", r.getString(5))
                .put("quarantined_at", r.getOffsetDateTime(6).toInstant().toString()));
          }
          return Future.succeededFuture(new JsonObject().put("rows", count).put("latest", out));
        });
  }

  /** Called only after the cloud committed the batch up to {@code seq}. */
  public Future<Void> confirm(String table, long seq) {
    return edge.preparedQuery("INSERT INTO replication_cursor (table_name, confirmed_seq, last_success, last_error, "
            + "updated_at) VALUES ($1, $2, now(), NULL, now()) ON CONFLICT (table_name) DO UPDATE SET "
            + "confirmed_seq = GREATEST(replication_cursor.confirmed_seq, EXCLUDED.confirmed_seq), "
            + "last_success = now(), last_error = NULL, updated_at = now()")
        .execute(Tuple.of(table, seq)).mapEmpty();
  }

  public Future<Void> recordError(String table, String error) {
    return edge.preparedQuery("INSERT INTO replication_cursor (table_name, last_error, updated_at) VALUES ($1, $2, now()) "
            + "ON CONFLICT (table_name) DO UPDATE SET last_error = EXCLUDED.last_error, updated_at = now()")
        .execute(Tuple.of(table, error)).mapEmpty();
  }

  public Future<Erasures> readErasures(long after, long horizon, int limit) {
    return edge.preparedQuery("SELECT user_id, repl_seq FROM replication_erasures WHERE repl_seq > $1 AND repl_seq <= $2 "
            + "ORDER BY repl_seq LIMIT $3")
        .execute(Tuple.of(after, horizon, limit)).map(rows -> {
          List<UUID> users = new ArrayList<>();
          long last = after;
          for (Row r : rows) {
            users.add(r.getUUID(0));
            last = r.getLong(1);
          }
          return new Erasures(users, last);
        });
  }

  /**
   * Removes everything the cloud holds of these users for this gym, in one transaction. Exercises
   * and workout recordings are found through their workouts, so they go first. Devices and classes carry no user.
   */
  public Future<Void> erase(List<UUID> users, String gymId) {
    UUID[] ids = users.toArray(UUID[]::new);
    // built element by element: Tuple.of would spread the array into separate parameters
    Tuple p = Tuple.tuple().addString(gymId).addArrayOfUUID(ids);
    return cloud.withTransaction(tx -> tx.preparedQuery("DELETE FROM exercises WHERE gym_id = $1 AND workout_id IN "
            + "(SELECT id FROM workouts WHERE gym_id = $1 AND user_id = ANY($2))").execute(p)
        .compose(v -> tx.preparedQuery("DELETE FROM music_recordings WHERE gym_id = $1 AND owner_kind = 'workout' AND "
            + "owner_id IN (SELECT id FROM workouts WHERE gym_id = $1 AND user_id = ANY($2))").execute(p))
        .compose(v -> deleteByUser(tx, "workouts", p))
        .compose(v -> deleteByUser(tx, "biometric_data", p))
        .compose(v -> deleteByUser(tx, "coaching_sessions", p))
        .compose(v -> deleteByUser(tx, "user_achievements", p))
        .compose(v -> deleteByUser(tx, "fitness_stats", p))
        .compose(v -> deleteByUser(tx, "pairings", p))
        .compose(v -> deleteByUser(tx, "camera_track_pairings", p))
        .compose(v -> tx.preparedQuery("DELETE FROM fitness_users WHERE gym_id = $1 AND id = ANY($2)").execute(p)))
        .mapEmpty();
  }

  private static Future<Void> deleteByUser(SqlConnection tx, String table, Tuple p) {
    return tx.preparedQuery("DELETE FROM " + table + " WHERE gym_id = $1 AND user_id = ANY($2)").execute(p).mapEmpty();
  }

  /** A cheap question to the cloud: does it answer. */
  public Future<Void> pingCloud() {
    return cloud.query("SELECT 1").execute().mapEmpty();
  }

  /**
   * Per table: rows the cloud has not confirmed and the age in seconds of the oldest of them
   * (by its updated_at, or created_at for readings), with the cursor's last success and error.
   * The cursors are read first so each count is a range scan of the table's repl_seq index.
   */
  public Future<JsonObject> pending() {
    return edge.query("SELECT table_name, confirmed_seq, last_success, last_error FROM replication_cursor").execute()
        .compose(cursors -> {
          Map<String, Row> byTable = new HashMap<>();
          for (Row r : cursors) {
            byTable.put(r.getString(0), r);
          }
          List<Future<JsonObject>> parts = new ArrayList<>();
          for (Table t : TABLES) {
            Row c = byTable.get(t.name());
            long confirmed = c == null ? 0L : c.getLong(1);
            String stamp = t.stamp();
            parts.add(edge.preparedQuery("SELECT count(*), extract(epoch FROM now() - min(" + stamp + "))::float8 FROM "
                    + t.name() + " WHERE repl_seq > $1")
                .execute(Tuple.of(confirmed))
                .map(rows -> {
                  Row r = rows.iterator().next();
                  return new JsonObject()
                      .put("pending_rows", r.getLong(0))
                      .put("oldest_pending_age_seconds", r.getDouble(1))
                      .put("last_success", c == null || c.getOffsetDateTime(2) == null ? null
                          : c.getOffsetDateTime(2).toInstant().toString())
                      .put("last_error", c == null ? null : c.getString(3));
                }));
          }
          return Future.all(parts).map(all -> {
            JsonObject out = new JsonObject(new LinkedHashMap<>());
            for (int i = 0; i < TABLES.size(); i++) {
              out.put(TABLES.get(i).name(), parts.get(i).result());
            }
            return out;
          });
        });
  }

  /** Erasures not yet confirmed by the cloud. */
  public Future<Long> pendingErasures() {
    return edge.query("SELECT count(*) FROM replication_erasures e WHERE e.repl_seq > coalesce((SELECT confirmed_seq "
        + "FROM replication_cursor WHERE table_name = '" + ERASURES + "'), 0)").execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }
}
