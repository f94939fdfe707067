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

  /**
   * Rows read from the edge for one batch: their replication numbers, and per shared column (in
   * the order of the table's statement) the values as text.
   */
  public record Batch(int rows, long lastSeq, long[] seqs, Object[][] values) {
    /** Rows from..to (1-based, inclusive), for splitting a batch the cloud refused. */
    public Batch slice(int from, int to) {
      Object[][] part = new Object[values.length][];
      for (int c = 0; c < values.length; c++) {
        part[c] = java.util.Arrays.copyOfRange(values[c], from - 1, to);
      }
      return new Batch(to - from + 1, seqs[to - 1], java.util.Arrays.copyOfRange(seqs, from - 1, to), part);
    }
  }

  /** Erasures read from the edge for one batch. */
  public record Erasures(List<UUID> users, long lastSeq) {}

  private final Pool edge;
  private final Pool cloud;
  private final Map<String, String> upserts = new HashMap<>();
  private final Map<String, String> reads = new HashMap<>();
  private final Map<String, List<String>> sharedColumns = new HashMap<>();
  /** Types whose binary form the client carries unchanged both ways. */
  static final Set<String> TYPED = Set.of("uuid", "bigint", "integer", "smallint", "double precision", "boolean",
      "text", "timestamp with time zone");

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
    String sql = "SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
        + "JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = current_schema()::regnamespace "
        + "AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped";
    return Future.all(edge.query(sql).execute(), cloud.query(sql).execute()).map(all -> {
      Map<String, Map<String, String>> edgeCols = columns(all.resultAt(0));
      Map<String, Map<String, String>> cloudCols = columns(all.resultAt(1));
      for (Table t : TABLES) {
        Map<String, String> cloudTypes = cloudCols.getOrDefault(t.name(), Map.of());
        Set<String> shared = new TreeSet<>(edgeCols.getOrDefault(t.name(), Map.of()).keySet());
        shared.retainAll(cloudTypes.keySet());
        shared.remove("repl_seq");
        shared.remove("gym_id");
        if (shared.isEmpty() || !cloudTypes.containsKey("gym_id")) {
          throw new IllegalStateException("the cloud database lacks table " + t.name() + " with gym_id");
        }
        List<String> cols = new ArrayList<>(shared);
        Map<String, String> edgeTypes = edgeCols.get(t.name());
        Set<String> typed = new java.util.HashSet<>();
        for (String c : cols) {
          String type = cloudTypes.get(c);
          if (type.equals(edgeTypes.get(c)) && (TYPED.contains(type) || type.startsWith("character varying"))) {
            typed.add(c);
          }
        }
        sharedColumns.put(t.name(), cols);
        reads.put(t.name(), read(t, cols, typed));
        upserts.put(t.name(), upsert(t, cols, cloudTypes, typed));
      }
      return null;
    });
  }

  private static Map<String, Map<String, String>> columns(io.vertx.sqlclient.RowSet<Row> rows) {
    Map<String, Map<String, String>> out = new HashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r.getString(2));
    }
    return out;
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** Up to $3 rows numbered in ($1, $2], each column aggregated (typed or as text) in number order. */
  private static String read(Table t, List<String> cols, Set<String> typed) {
    StringBuilder sql = new StringBuilder("SELECT count(*)::int, max(repl_seq), array_agg(repl_seq)");
    for (String c : cols) {
      // the sorted subquery feeds every aggregate in the same (number) order
      sql.append(", array_agg(").append(quote(c)).append(typed.contains(c) ? ")" : "::text)");
    }
    return sql.append(" FROM (SELECT * FROM ").append(t.name()).append(" WHERE repl_seq > $1 AND repl_seq <= $2 ")
        .append("ORDER BY repl_seq LIMIT $3) b").toString();
  }

  private static String upsert(Table t, List<String> cols, Map<String, String> cloudTypes, Set<String> typed) {
    String list = String.join(", ", cols.stream().map(ReplicationRepository::quote).toList());
    StringBuilder casts = new StringBuilder();
    StringBuilder arrays = new StringBuilder();
    for (int i = 0; i < cols.size(); i++) {
      String c = quote(cols.get(i));
      String type = cloudTypes.get(cols.get(i));
      casts.append(i == 0 ? "" : ", ").append("x.").append(c);
      if (!typed.contains(cols.get(i))) {
        casts.append("::").append(type);
      }
      arrays.append(i == 0 ? "" : ", ").append("$").append(i + 1).append("::")
          .append(typed.contains(cols.get(i)) ? type : "text").append("[]");
    }
    String sql = "INSERT INTO " + t.name() + " (" + list + ", gym_id) SELECT " + casts + ", $" + (cols.size() + 1)
        + " FROM unnest(" + arrays + ") AS x(" + list + ") ON CONFLICT (" + t.conflictKey() + ") ";
    if (!t.mutable()) {
      return sql + "DO NOTHING";
    }
    List<String> keys = List.of(t.conflictKey().split(",\\s*"));
    List<String> sets = cols.stream().filter(c -> !keys.contains(c)).map(c -> quote(c) + " = EXCLUDED." + quote(c))
        .toList();
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
    int n = sharedColumns.get(t.name()).size();
    return edge.preparedQuery(reads.get(t.name())).execute(Tuple.of(after, horizon, limit)).map(rows -> {
      Row r = rows.iterator().next();
      int count = r.getInteger(0);
      if (count == 0) {
        return new Batch(0, after, new long[0], new Object[n][0]);
      }
      Long[] seqs = r.getArrayOfLongs(2);
      long[] numbers = new long[seqs.length];
      for (int i = 0; i < seqs.length; i++) {
        numbers[i] = seqs[i];
      }
      Object[][] values = new Object[n][];
      for (int c = 0; c < n; c++) {
        // UUID[], Double[], OffsetDateTime[], String[]...: sent back as they came
        values[c] = (Object[]) r.getValue(3 + c);
      }
      return new Batch(count, r.getLong(1), numbers, values);
    });
  }

  /** One cloud transaction: the batch is in the cloud entirely or not at all. */
  public Future<Void> write(Table t, Batch batch, String gymId) {
    Tuple params = Tuple.tuple();
    for (Object[] column : batch.values()) {
      params.addValue(column);
    }
    params.addString(gymId);
    return cloud.withTransaction(tx -> tx.preparedQuery(upserts.get(t.name())).execute(params)).mapEmpty();
  }

  /** Rows {@code from}..{@code to} (1-based, inclusive) of the batch, in one cloud transaction. */
  public Future<Void> writeSlice(Table t, Batch batch, String gymId, int from, int to) {
    return write(t, batch.slice(from, to), gymId);
  }

  /**
   * Keeps a row the cloud refused, with the reason, on the edge, named by its key as it was sent
   * (element {@code index}, 1-based, of the batch) and its replication number.
   */
  public Future<Void> quarantine(Table t, Batch batch, int index, String sqlState, String error) {
    List<String> cols = sharedColumns.get(t.name());
    List<String> key = new ArrayList<>();
    for (String k : t.edgeKey()) {
      key.add(String.valueOf(batch.values()[cols.indexOf(k)][index - 1]));
    }
    return edge.preparedQuery("INSERT INTO replication_quarantine (table_name, row_key, row_seq, sqlstate, error) "
            + "VALUES ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(t.name(), String.join("/", key), batch.seqs()[index - 1], sqlState, error))
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
