package com.clisonix.edge.bench;

import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.gateway.replication.ReplicatorVerticle;
import com.clisonix.edge.gateway.store.SchemaMigrator;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Catch-up after an outage: how fast the product's replicator drains a backlog of readings from
 * the edge database to the cloud database, beside a binary {@code COPY} of the same rows between
 * the same two databases in the same run (edge {@code COPY TO STDOUT} piped into cloud
 * {@code COPY FROM STDIN}, both ends streaming at once). The replicator runs unpaced (the token
 * bucket set far above what the machine can do), so the number is its ceiling.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.clisonix.edge.bench.ReplicationCatchUp \
 *     [postgres://postgres@127.0.0.1:5432/postgres] [rows=200000] [runs=3] [batch sizes=500,2000,5000]</pre>
 */
public final class ReplicationCatchUp {
  static final String COLUMNS_SQL = "SELECT string_agg(column_name, ', ' ORDER BY column_name) FROM "
      + "information_schema.columns WHERE table_schema = current_schema() AND table_name = 'biometric_data' "
      + "AND column_name NOT IN ('repl_seq', 'gym_id')";

  public static void main(String[] args) throws Exception {
    PgUri admin = PgUri.parse("pg", args.length > 0 ? args[0] : "postgres://postgres@127.0.0.1:5432/postgres");
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String[] batches = (args.length > 3 ? args[3] : "500,2000,5000").split(",");
    String suffix = Long.toHexString(System.nanoTime());
    PgUri edge = database(admin, "bench_edge_" + suffix);
    PgUri cloud = database(admin, "bench_cloud_" + suffix);
    try {
      SchemaMigrator.migrateBlocking(edge, SchemaMigrator.Target.EDGE);
      SchemaMigrator.migrateBlocking(cloud, SchemaMigrator.Target.CLOUD);
      try (Connection e = connect(edge); Connection c = connect(cloud); Statement es = e.createStatement();
           Statement cs = c.createStatement()) {
        fill(es, rows);
        String cols = one(es, COLUMNS_SQL);
        System.out.printf(Locale.ROOT, "rows=%d edge_table=%s%n", rows, one(es,
            "SELECT pg_size_pretty(pg_total_relation_size('biometric_data'))"));
        List<Double> copy = new ArrayList<>();
        for (int i = 0; i < runs + 1; i++) {
          cs.execute("TRUNCATE biometric_data");
          double r = copyRun(e, c, cols, rows);
          if (i > 0) { // the first run warms caches and the JIT
            copy.add(r);
          }
          System.out.printf(Locale.ROOT, "copy run=%d rows_per_s=%.0f%s%n", i, r, i == 0 ? " (warm-up)" : "");
        }
        double copyBest = copy.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        Vertx vertx = Vertx.vertx();
        try {
          for (String b : batches) {
            int batch = Integer.parseInt(b.trim());
            List<Double> repl = new ArrayList<>();
            for (int i = 0; i < runs + 1; i++) {
              cs.execute("TRUNCATE biometric_data");
              es.execute("DELETE FROM replication_cursor");
              double r = replicationRun(vertx, edge, cloud, es, cs, batch, rows);
              if (i > 0) {
                repl.add(r);
              }
              System.out.printf(Locale.ROOT, "replicator batch_size=%d run=%d rows_per_s=%.0f%s%n", batch, i, r,
                  i == 0 ? " (warm-up)" : "");
            }
            double best = repl.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            System.out.printf(Locale.ROOT, "RESULT batch_size=%d (catch_up_batch_size default) replicator_best=%.0f copy_best=%.0f ratio=%.0f%%%n",
                batch, best, copyBest, 100 * best / copyBest);
          }
        } finally {
          vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
      }
    } finally {
      drop(admin, edge.database());
      drop(admin, cloud.database());
    }
  }

  /** One athlete's class-hour readings, as the journal writes them (jsonb raw data, device, context). */
  static void fill(Statement es, int rows) throws Exception {
    es.execute("INSERT INTO fitness_users (id, user_id, username, email) VALUES "
        + "('00000000-0000-0000-0000-00000000b0b0', 'bench', 'bench', 'bench@example.test')");
    es.execute("INSERT INTO biometric_data (id, user_id, biometric_type, value, unit, measurement_time, context, "
        + "device_type, device_id, confidence_score, raw_data) SELECT gen_random_uuid(), "
        + "'00000000-0000-0000-0000-00000000b0b0', 'heart_rate', 60 + (g % 120) + random(), 'bpm', "
        + "now() - g * interval '10 milliseconds', 'workout', 'heart_rate_monitor', 'C0FFEE000001', 1.0, "
        + "jsonb_build_object('rr', jsonb_build_array(400 + g % 300, 410 + g % 290)) FROM generate_series(1, " + rows + ") g");
    es.execute("VACUUM ANALYZE biometric_data");
  }

  static double copyRun(Connection e, Connection c, String cols, int rows) throws Exception {
    CopyManager out = e.unwrap(PGConnection.class).getCopyAPI();
    CopyManager in = c.unwrap(PGConnection.class).getCopyAPI();
    PipedInputStream pipeIn = new PipedInputStream(1 << 20);
    PipedOutputStream pipeOut = new PipedOutputStream(pipeIn);
    long t0 = System.nanoTime();
    CompletableFuture<Long> reader = CompletableFuture.supplyAsync(() -> {
      try (pipeOut) {
        return out.copyOut("COPY (SELECT " + cols + ", 'bench'::varchar AS gym_id FROM biometric_data) TO STDOUT "
            + "(FORMAT binary)", pipeOut);
      } catch (Exception ex) {
        throw new IllegalStateException(ex);
      }
    });
    long copied = in.copyIn("COPY biometric_data (" + cols + ", gym_id) FROM STDIN (FORMAT binary)", pipeIn);
    reader.get(10, TimeUnit.MINUTES);
    double s = (System.nanoTime() - t0) / 1e9;
    if (copied != rows) {
      throw new IllegalStateException("COPY moved " + copied + " rows, expected " + rows);
    }
    return rows / s;
  }

  static double replicationRun(Vertx vertx, PgUri edge, PgUri cloud, Statement es, Statement cs, int batch, int rows)
      throws Exception {
    JsonObject conf = new JsonObject()
        .put("edge_db", new JsonObject().put("uri", uri(edge)).put("pool_size", 4))
        .put("cloud_db", new JsonObject().put("uri", uri(cloud)))
        .put("mqtt", new JsonObject().put("uri", "mqtt://127.0.0.1:1883"))
        .put("encryption", new JsonObject().put("keys", "b1:" + java.util.Base64.getEncoder().encodeToString(new byte[32])))
        .put("gym", new JsonObject().put("id", "bench").put("node_id", "bench"))
        .put("auth", new JsonObject().put("jwt_secret", "bench-secret-bench-secret-bench-secret-0")
            .put("admin_password", "bench-admin-password"))
        .put("replication", new JsonObject().put("batch_size", batch).put("batch_age_ms", 10)
            .put("max_rows_per_second", 10_000_000));
    long last = Long.parseLong(one(es, "SELECT max(repl_seq) FROM biometric_data"));
    long t0 = System.nanoTime();
    String id = vertx.deployVerticle(new ReplicatorVerticle(), new DeploymentOptions().setConfig(conf))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    try {
      while (true) {
        String confirmed = one(es, "SELECT confirmed_seq FROM replication_cursor WHERE table_name = 'biometric_data'");
        if (confirmed != null && Long.parseLong(confirmed) >= last) {
          break;
        }
        Thread.sleep(20);
      }
      double s = (System.nanoTime() - t0) / 1e9;
      long arrived = Long.parseLong(one(cs, "SELECT count(*) FROM biometric_data"));
      if (arrived != rows) {
        throw new IllegalStateException("the cloud holds " + arrived + " rows, expected " + rows);
      }
      return rows / s;
    } finally {
      vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  static PgUri database(PgUri admin, String name) throws Exception {
    try (Connection c = connect(admin); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return new PgUri(admin.host(), admin.port(), name, admin.user(), admin.password(), admin.sslmode());
  }

  static void drop(PgUri admin, String name) throws Exception {
    try (Connection c = connect(admin); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  static Connection connect(PgUri u) throws Exception {
    return DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password());
  }

  static String one(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getString(1) : null;
    }
  }

  static String uri(PgUri u) {
    return "postgres://" + u.user() + (u.password() == null ? "" : ":" + u.password()) + "@" + u.host() + ":" + u.port()
        + "/" + u.database();
  }
}
