package com.clisonix.edge.gateway.replication;

import com.clisonix.edge.gateway.config.GatewayConfig;
import com.clisonix.edge.gateway.config.ReplicationOptions;
import com.clisonix.edge.gateway.replication.ReplicationRepository.Table;
import com.clisonix.edge.gateway.store.SchemaMigrator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every edge row the cloud has not confirmed, table by table, in batches of up to
 * {@code batch_size} rows (or whatever has waited {@code batch_age_ms}), each in one cloud
 * transaction; a table's cursor moves on the edge only after the cloud committed, so a crash or an
 * outage at any point resends at most one batch, which the cloud absorbs (upsert or do-nothing by
 * key): nothing lost, nothing twice. Failures back off exponentially with jitter and never touch
 * the edge's own work; the drain after an outage is paced by a token bucket.
 */
public class ReplicatorVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicatorVerticle.class);
  /** Answers the replication status (see {@link #status()}). */
  public static final String STATUS_ADDRESS = "clisonix.replication.status";
  static final long CLOUD_TIMEOUT_MS = 30_000;
  static final long PENDING_REFRESH_MS = 5_000;
  static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);
  /** Held for as long as this box is the one replicator of the gym's shared edge database. */
  static final long LEADER_LOCK = 7_340_012L;
  static final long STANDBY_RETRY_MS = 5_000;

  private ReplicationRepository repo;
  private ReplicationOptions opts;
  private String gymId;
  private GatewayConfig cfg;
  private Pool cloud;
  private TokenBucket bucket;
  private boolean prepared;
  private boolean stopped;
  private long timer = -1;
  private long pendingTimer = -1;
  private int failures;
  private int passes;
  private String currentTable;
  private Boolean cloudReachable;
  private Instant lastSuccess;
  private String lastError;
  private Instant lastErrorAt;
  private Future<Void> running = Future.succeededFuture();
  private final Deque<long[]> recent = new ArrayDeque<>();
  private MeterRegistry registry;
  private final List<Meter> meters = new ArrayList<>();
  private final Map<String, AtomicLong> pendingRows = new HashMap<>();
  private final Map<String, AtomicLong> oldestPendingSeconds = new HashMap<>();
  private final Map<String, Counter> replicated = new HashMap<>();
  private final Map<String, Counter> quarantinedRows = new HashMap<>();
  private final java.util.Set<String> backlog = new java.util.HashSet<>();
  private MessageConsumer<Object> statusConsumer;
  private PgConnection leaderConnection;

  @Override
  public Future<?> start() {
    cfg = GatewayConfig.from(config(), config().getBoolean("demo", false));
    opts = cfg.replication();
    gymId = cfg.gym().id();
    Pool edge = PgBuilder.pool()
        .with(new PoolOptions().setShared(true).setName("edge-db").setMaxSize(cfg.edgePoolSize()))
        .connectingTo(cfg.edgeDb().connectOptions())
        .using(vertx)
        .build();
    cloud = PgBuilder.pool()
        .with(new PoolOptions().setName("cloud-db-replication").setMaxSize(2))
        // a cloud that does not answer must fail a pass quickly, so the backoff and status see it
        .with(new NetClientOptions().setConnectTimeout(5000))
        .connectingTo(cfg.cloudDb().connectOptions())
        .using(vertx)
        .build();
    repo = new ReplicationRepository(edge, cloud);
    bucket = new TokenBucket(opts.maxRowsPerSecond(), System.nanoTime());
    registerMetrics();
    // local: in a cluster of boxes each one answers for its own replicator
    statusConsumer = vertx.eventBus().localConsumer(STATUS_ADDRESS, msg -> status().onSuccess(msg::reply)
        .onFailure(err -> msg.fail(500, String.valueOf(err.getMessage()))));
    pendingTimer = vertx.setPeriodic(PENDING_REFRESH_MS, id -> refreshPending());
    // an unreachable cloud at start must not keep the gateway from starting: the first pass
    // migrates the cloud schema and, like every pass, retries with backoff until it succeeds
    schedule(0);
    LOG.info("event=replication_started cloud={} gym={} batch_size={} batch_age_ms={} max_rows_per_second={}",
        cfg.cloudDb(), gymId, opts.batchSize(), opts.batchAgeMs(), opts.maxRowsPerSecond());
    return Future.succeededFuture();
  }

  private void registerMetrics() {
    MeterRegistry r = BackendRegistries.getDefaultNow();
    registry = r == null ? new SimpleMeterRegistry() : r;
    for (Table t : ReplicationRepository.TABLES) {
      AtomicLong pending = new AtomicLong();
      AtomicLong oldest = new AtomicLong();
      pendingRows.put(t.name(), pending);
      oldestPendingSeconds.put(t.name(), oldest);
      meters.add(Gauge.builder("clisonix.replication.pending.rows", pending, AtomicLong::get)
          .description("Edge rows the cloud has not confirmed").tag("table", t.name()).register(registry));
      meters.add(Gauge.builder("clisonix.replication.oldest.pending.seconds", oldest, AtomicLong::get)
          .description("Age of the oldest unconfirmed edge row").tag("table", t.name()).register(registry));
      Counter c = Counter.builder("clisonix.replication.rows").description("Rows the cloud committed")
          .tag("table", t.name()).register(registry);
      replicated.put(t.name(), c);
      meters.add(c);
      Counter q = Counter.builder("clisonix.replication.quarantined.rows")
          .description("Rows the cloud refused, kept in replication_quarantine").tag("table", t.name()).register(registry);
      quarantinedRows.put(t.name(), q);
      meters.add(q);
    }
  }

  private void schedule(long delayMs) {
    if (stopped) {
      return;
    }
    timer = vertx.setTimer(Math.max(1, delayMs), id -> {
      timer = -1;
      running = pass();
    });
  }

  /**
   * The boxes of one large gym share its edge database, and only one may drain it: two replicators
   * could each read a row at a different moment and land the older state last. The one holding a
   * session advisory lock on a connection of its own replicates; the others stand by and take over
   * when that connection (and so the lock) goes away.
   */
  private Future<Boolean> lead() {
    if (leaderConnection != null) {
      return Future.succeededFuture(true);
    }
    return PgConnection.connect(vertx, cfg.edgeDb().connectOptions()).compose(conn -> conn
        .preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(LEADER_LOCK))
        .compose(rows -> {
          if (rows.iterator().next().getBoolean(0) && !stopped) {
            leaderConnection = conn;
            conn.closeHandler(v -> {
              if (leaderConnection == conn) {
                leaderConnection = null;
              }
            });
            LOG.info("event=replication_leader gym={}", gymId);
            return Future.succeededFuture(true);
          }
          return conn.close().map(false);
        }, err -> conn.close().transform(ar -> Future.failedFuture(err))));
  }

  private Future<Void> pass() {
    if (stopped) {
      return Future.succeededFuture();
    }
    return lead().compose(leading -> {
      if (!leading) {
        schedule(Math.max(opts.batchAgeMs(), STANDBY_RETRY_MS));
        return Future.succeededFuture();
      }
      return leaderPass();
    }, err -> {
      currentTable = null;
      failed(err);
      return Future.succeededFuture();
    });
  }

  private Future<Void> leaderPass() {
    passes++;
    currentTable = null;
    return prepare()
        .compose(v -> repo.horizon())
        .compose(h -> repo.cursors().compose(cursors -> sendTables(0, h, cursors, false, false)
            .compose(r -> sendErasures(h, cursors).map(e -> new boolean[] {r[0] || e[0], r[1] || e[1]}))))
        .compose(r -> r[1] ? Future.succeededFuture(r) : cloudStep(repo.pingCloud()).map(r))
        .onSuccess(r -> {
          failures = 0;
          lastSuccess = Instant.now();
          // a full batch means more is waiting: go on as fast as the bucket allows
          schedule(r[0] ? bucket.waitMs(Math.min(backlog.isEmpty() ? opts.batchSize() : opts.catchUpBatchSize(),
              opts.maxRowsPerSecond()), System.nanoTime())
              : opts.batchAgeMs());
        })
        .onFailure(this::failed)
        .mapEmpty();
  }

  /** Migrates the cloud schema (on a worker: Flyway is JDBC) and learns the shared columns, once. */
  private Future<Void> prepare() {
    if (prepared) {
      return Future.succeededFuture();
    }
    currentTable = "schema";
    return cloudStep(SchemaMigrator.migrate(vertx, cfg.cloudDb(), SchemaMigrator.Target.CLOUD, cfg.encryption().crypto())
        .onSuccess(r -> LOG.info("event=schema_migrated target=cloud db={} applied={} version={}", cfg.cloudDb(),
            r.migrationsExecuted, r.targetSchemaVersion))
        .compose(r -> repo.loadColumns()))
        .onSuccess(v -> prepared = true);
  }

  /** @return {full batch seen, anything sent to the cloud} */
  private Future<boolean[]> sendTables(int i, long horizon, Map<String, Long> cursors, boolean full, boolean sent) {
    List<Table> tables = ReplicationRepository.TABLES;
    if (i == tables.size() || stopped) {
      return Future.succeededFuture(new boolean[] {full, sent});
    }
    // each pass starts at another table, so a big backlog in one cannot starve the others
    Table t = tables.get((i + passes) % tables.size());
    // a table whose last batch was full has a backlog: it drains in larger batches (fewer round trips)
    int size = backlog.contains(t.name()) ? opts.catchUpBatchSize() : opts.batchSize();
    int limit = Math.min(size, bucket.available(System.nanoTime()));
    if (limit < 1) {
      return Future.succeededFuture(new boolean[] {true, sent});
    }
    currentTable = t.name();
    long after = cursors.getOrDefault(t.name(), 0L);
    return repo.read(t, after, horizon, limit).compose(batch -> {
      if (batch.rows() < limit) {
        backlog.remove(t.name());
      } else {
        backlog.add(t.name());
      }
      if (batch.rows() == 0) {
        return sendTables(i + 1, horizon, cursors, full, sent);
      }
      bucket.take(batch.rows(), System.nanoTime());
      if (leaderConnection == null) {
        // the lock went with its connection: another box may be draining now, so this one stops
        return Future.failedFuture(new IllegalStateException("no longer the replicating box"));
      }
      return cloudStep(writeOrSplit(t, batch))
          .compose(v -> opts.confirmDelayMs() == 0 ? Future.<Void>succeededFuture()
              : vertx.timer(opts.confirmDelayMs()).<Void>mapEmpty())
          .compose(v -> repo.confirm(t.name(), batch.lastSeq()))
          .compose(v -> {
            delivered(t.name(), batch.rows());
            return sendTables(i + 1, horizon, cursors, full || batch.rows() == limit, true);
          });
    });
  }

  /**
   * Writes the batch; if the cloud refuses it (a constraint or a value it does not accept, never a
   * lost connection), splits it in halves until the refused rows are alone, quarantines those on
   * the edge and lets the rest through, so one bad row cannot stop its table. Every half is its own
   * cloud transaction; a crash midway resends the batch, which the cloud absorbs by key.
   */
  private Future<Void> writeOrSplit(Table t, ReplicationRepository.Batch batch) {
    return repo.write(t, batch, gymId).recover(err -> refused(err)
        ? split(t, batch, 1, batch.rows(), (io.vertx.pgclient.PgException) err)
        : Future.failedFuture(err));
  }

  /** Rows from..to (1-based) were refused together with {@code why}. */
  private Future<Void> split(Table t, ReplicationRepository.Batch batch, int from, int to,
      io.vertx.pgclient.PgException why) {
    if (from == to) {
      String error = why.getErrorMessage() + (why.getDetail() == null ? "" : " (" + why.getDetail() + ")");
      return repo.quarantine(t, batch, from, why.getSqlState(), error).onSuccess(v -> {
        quarantinedRows.get(t.name()).increment();
        LOG.warn("event=replication_row_quarantined table={} sqlstate={} error=\"{}\"", t.name(), why.getSqlState(),
            error);
      });
    }
    int mid = (from + to) >>> 1;
    return half(t, batch, from, mid).compose(v -> half(t, batch, mid + 1, to));
  }

  private Future<Void> half(Table t, ReplicationRepository.Batch batch, int from, int to) {
    return repo.writeSlice(t, batch, gymId, from, to).recover(err -> refused(err)
        ? split(t, batch, from, to, (io.vertx.pgclient.PgException) err)
        : Future.failedFuture(err));
  }

  /** The cloud answered and said no to the data (SQLSTATE class 22 data exception, 23 constraint). */
  static boolean refused(Throwable err) {
    return err instanceof io.vertx.pgclient.PgException pe && pe.getSqlState() != null
        && (pe.getSqlState().startsWith("22") || pe.getSqlState().startsWith("23"));
  }

  private Future<boolean[]> sendErasures(long horizon, Map<String, Long> cursors) {
    currentTable = ReplicationRepository.ERASURES;
    long after = cursors.getOrDefault(ReplicationRepository.ERASURES, 0L);
    return repo.readErasures(after, horizon, opts.batchSize()).compose(e -> {
      if (e.users().isEmpty()) {
        return Future.succeededFuture(new boolean[] {false, false});
      }
      return cloudStep(repo.erase(e.users(), gymId))
          .compose(v -> repo.confirm(ReplicationRepository.ERASURES, e.lastSeq()))
          .map(v -> {
            LOG.info("event=replication_erased users={}", e.users().size());
            lastSuccess = Instant.now();
            return new boolean[] {e.users().size() == opts.batchSize(), true};
          });
    });
  }

  /** Marks the cloud reachable or not by the outcome of a step that talks to it. */
  private <T> Future<T> cloudStep(Future<T> step) {
    return step.timeout(CLOUD_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onSuccess(v -> cloudReachable = true)
        .onFailure(err -> cloudReachable = false);
  }

  private void delivered(String table, int rows) {
    long now = System.nanoTime();
    recent.addLast(new long[] {now, rows});
    replicated.get(table).increment(rows);
    lastSuccess = Instant.now();
  }

  private void failed(Throwable err) {
    failures++;
    String where = currentTable == null ? "edge" : currentTable;
    lastError = where + ": " + err.getMessage();
    lastErrorAt = Instant.now();
    long ceiling = Math.min(opts.maxBackoffMs(), opts.minBackoffMs() * (1L << Math.min(failures - 1, 20)));
    // "equal jitter": half the ceiling plus a random half, so gateways of a chain do not retry in step
    long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    LOG.warn("event=replication_failed table={} attempt={} retry_in_ms={} error=\"{}\"", where, failures, delay,
        err.getMessage());
    if (!"schema".equals(where) && !"edge".equals(where)) {
      repo.recordError(where, lastError).onFailure(e -> LOG.debug("event=replication_error_not_recorded", e));
    }
    schedule(delay);
  }

  private double drainRate() {
    long now = System.nanoTime();
    while (!recent.isEmpty() && now - recent.peekFirst()[0] > RATE_WINDOW_NANOS) {
      recent.removeFirst();
    }
    long rows = recent.stream().mapToLong(e -> e[1]).sum();
    return rows / (RATE_WINDOW_NANOS / 1e9);
  }

  private void refreshPending() {
    repo.pending().onSuccess(this::updateGauges);
  }

  private void updateGauges(JsonObject tables) {
    for (String t : tables.fieldNames()) {
      JsonObject o = tables.getJsonObject(t);
      pendingRows.get(t).set(o.getLong("pending_rows", 0L));
      Double age = o.getDouble("oldest_pending_age_seconds");
      oldestPendingSeconds.get(t).set(age == null ? 0 : Math.round(age));
    }
  }

  /** What {@code GET /fitness/replication} shows. */
  Future<JsonObject> status() {
    return Future.all(repo.pending(), repo.pendingErasures(), repo.quarantined(20)).map(all -> {
      JsonObject tables = all.resultAt(0);
      updateGauges(tables);
      return new JsonObject()
          .put("enabled", true)
          .put("role", leaderConnection != null ? "leader" : "standby")
          .put("gym_id", gymId)
          .put("cloud_reachable", cloudReachable)
          .put("last_success", lastSuccess == null ? null : lastSuccess.toString())
          .put("last_error", lastError)
          .put("last_error_at", lastErrorAt == null ? null : lastErrorAt.toString())
          .put("consecutive_failures", failures)
          .put("drain_rate_rows_per_second", drainRate())
          .put("max_rows_per_second", opts.maxRowsPerSecond())
          .put("pending_erasures", all.<Long>resultAt(1))
          .put("tables", tables)
          .put("quarantine", all.<JsonObject>resultAt(2));
    });
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    vertx.cancelTimer(pendingTimer);
    meters.forEach(registry::remove);
    return statusConsumer.unregister()
        .eventually(() -> running.timeout(CLOUD_TIMEOUT_MS, TimeUnit.MILLISECONDS).otherwiseEmpty())
        .eventually(() -> leaderConnection == null ? Future.succeededFuture() : leaderConnection.close())
        .eventually(() -> cloud.close());
  }
}
