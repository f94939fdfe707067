package com.clisonix.edge.gateway.retention;

import com.clisonix.edge.gateway.config.GatewayConfig;
import com.clisonix.edge.gateway.config.RetentionOptions;
import com.clisonix.edge.gateway.config.RetentionOptions.Policy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.backends.BackendRegistries;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the edge store every {@code retention.check_interval_ms}: readings held against the
 * retention limit, the database's size against its byte budget, and the ingest rate, which gives
 * the hours of capacity left. At the limit it applies the configured policy: {@code reject-new}
 * makes the journal and the HTTP route refuse new readings; {@code drop-oldest-readings} deletes
 * the oldest readings the cloud has confirmed (and, only when allowed, the oldest it has not).
 */
public class RetentionVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionVerticle.class);
  /** Rows per DELETE, so one drop never holds the table long; more follow at once. */
  static final long DROP_CHUNK = 50_000;
  static final long RATE_WINDOW_MS = 300_000;

  private RetentionOptions opts;
  private RetentionRepository repo;
  private Pool pool;
  private long timer = -1;
  private boolean stopped;
  private Future<Void> running = Future.succeededFuture();
  private final Deque<long[]> inserted = new ArrayDeque<>();
  private boolean wasRefusing;
  private MeterRegistry registry;
  private final List<Meter> meters = new ArrayList<>();
  private final AtomicLong readings = new AtomicLong();
  private final AtomicLong dbBytes = new AtomicLong();
  private final AtomicLong refusing = new AtomicLong();
  private final AtomicReference<Double> hoursLeft = new AtomicReference<>(Double.NaN);
  private Counter droppedReplicated;
  private Counter droppedUnreplicated;

  @Override
  public Future<?> start() {
    GatewayConfig cfg = GatewayConfig.from(config(), config().getBoolean("demo", false));
    opts = cfg.retention();
    pool = PgBuilder.pool()
        .with(new PoolOptions().setShared(true).setName("edge-db").setMaxSize(cfg.edgePoolSize()))
        .connectingTo(cfg.edgeDb().connectOptions())
        .using(vertx)
        .build();
    repo = new RetentionRepository(pool);
    registerMetrics();
    LOG.info("event=retention_started policy={} max_readings={} db_budget_bytes={} drop_unreplicated={}",
        opts.policy().wire(), opts.maxReadings(), opts.dbBudgetBytes(), opts.dropUnreplicated());
    // the first measurement is taken before ingestion starts, so a full store refuses from the start
    // (a failed first measurement is logged and retried; it never stops the box)
    return check().transform(ar -> {
      schedule(opts.checkIntervalMs());
      return Future.succeededFuture();
    });
  }

  private void registerMetrics() {
    MeterRegistry r = BackendRegistries.getDefaultNow();
    registry = r == null ? new SimpleMeterRegistry() : r;
    meters.add(Gauge.builder("clisonix.retention.readings", readings, AtomicLong::get)
        .description("Readings the edge store holds").register(registry));
    meters.add(Gauge.builder("clisonix.retention.max.readings", opts, RetentionOptions::maxReadings)
        .description("The edge store's retention limit in readings").register(registry));
    meters.add(Gauge.builder("clisonix.retention.db.bytes", dbBytes, AtomicLong::get)
        .description("Size of the edge database").register(registry));
    meters.add(Gauge.builder("clisonix.retention.db.budget.bytes", opts, RetentionOptions::dbBudgetBytes)
        .description("Disk the edge database may use").register(registry));
    meters.add(Gauge.builder("clisonix.retention.capacity.hours", hoursLeft, AtomicReference::get)
        .description("Hours of the current ingest rate left before the limit or the budget (NaN: no ingest)")
        .register(registry));
    meters.add(Gauge.builder("clisonix.retention.refusing", refusing, AtomicLong::get)
        .description("1 while new readings are refused at the retention limit").register(registry));
    droppedReplicated = Counter.builder("clisonix.retention.dropped.readings").tag("replicated", "true")
        .description("Readings deleted at the retention limit").register(registry);
    droppedUnreplicated = Counter.builder("clisonix.retention.dropped.readings").tag("replicated", "false")
        .description("Readings deleted at the retention limit").register(registry);
    meters.add(droppedReplicated);
    meters.add(droppedUnreplicated);
  }

  private void schedule(long delayMs) {
    if (stopped) {
      return;
    }
    timer = vertx.setTimer(Math.max(1, delayMs), id -> {
      timer = -1;
      running = check().onComplete(ar -> schedule(ar.succeeded() && ar.result() ? 100 : opts.checkIntervalMs()))
          .mapEmpty();
    });
  }

  /** One measurement and, at the limit, one step of the policy. @return whether more must be dropped at once */
  Future<Boolean> check() {
    return repo.usage(opts.maxReadings()).compose(u -> {
      long now = System.currentTimeMillis();
      inserted.addLast(new long[] {now, u.insertedTotal()});
      while (inserted.size() > 2 && now - inserted.peekFirst()[0] > RATE_WINDOW_MS) {
        inserted.removeFirst();
      }
      Future<Long> replicated = u.readings() >= opts.maxReadings() && opts.policy() == Policy.DROP_OLDEST_READINGS
          ? repo.replicated(u.confirmedSeq()) : Future.succeededFuture(0L);
      return replicated.compose(rep -> {
        RetentionPlan.Decision d = RetentionPlan.decide(opts.policy(), opts.dropUnreplicated(), u.readings(),
            opts.maxReadings(), rep);
        return drop(u, d).map(dropped -> {
          publish(u, d, dropped[0] + dropped[1]);
          return dropped[2] > 0;
        });
      });
    }).onFailure(err -> LOG.warn("event=retention_check_failed error=\"{}\"", err.getMessage()));
  }

  /** @return {replicated dropped, unreplicated dropped, 1 when more is left to drop} */
  private Future<long[]> drop(RetentionRepository.Usage u, RetentionPlan.Decision d) {
    if (d.dropReplicated() == 0 && d.dropUnreplicated() == 0) {
      return Future.succeededFuture(new long[] {0, 0, 0});
    }
    long rep = Math.min(DROP_CHUNK, d.dropReplicated());
    long unrep = Math.min(DROP_CHUNK - rep, d.dropUnreplicated());
    Future<Long> first = rep == 0 ? Future.succeededFuture(0L) : repo.dropOldest(u.confirmedSeq(), true, rep);
    return first.compose(a -> (unrep == 0 || a < 0 ? Future.succeededFuture(0L)
        : repo.dropOldest(u.confirmedSeq(), false, unrep)).map(b -> {
          long ra = Math.max(0, a);
          long rb = Math.max(0, b);
          droppedReplicated.increment(ra);
          droppedUnreplicated.increment(rb);
          if (ra > 0) {
            LOG.info("event=retention_dropped replicated=true readings={} limit={} held={}", ra, opts.maxReadings(),
                u.readings());
          }
          if (rb > 0) {
            LOG.warn("event=retention_dropped replicated=false readings={} limit={} held={} (lost for the cloud: "
                + "retention.drop_unreplicated is on)", rb, opts.maxReadings(), u.readings());
          }
          boolean more = a >= 0 && (d.dropReplicated() + d.dropUnreplicated() > rep + unrep);
          return new long[] {ra, rb, more ? 1 : 0};
        }));
  }

  private void publish(RetentionRepository.Usage u, RetentionPlan.Decision d, long dropped) {
    long now = System.currentTimeMillis();
    long[] oldest = inserted.peekFirst();
    long[] newest = inserted.peekLast();
    double perHour = oldest == newest || newest[0] == oldest[0] ? 0
        : Math.max(0, newest[1] - oldest[1]) * 3_600_000.0 / (newest[0] - oldest[0]);
    long held = u.readings() - dropped;
    double bytesPerReading = u.readings() == 0 ? 0 : (double) u.readingsBytes() / u.readings();
    Double hours = RetentionPlan.hoursLeft(held, opts.maxReadings(), u.dbBytes(), opts.dbBudgetBytes(), bytesPerReading,
        perHour);
    String refusal = d.rejectNew() ? "the edge store holds " + held + " readings, its retention limit "
        + "(retention.max_readings = " + opts.maxReadings() + ", policy " + opts.policy().wire() + ")"
        + (opts.policy() == Policy.DROP_OLDEST_READINGS ? ", and the cloud has not confirmed enough of them to drop" : "")
        + ": new readings are refused until there is room" : null;
    if (d.rejectNew() != wasRefusing) {
      if (d.rejectNew()) {
        LOG.warn("event=retention_refusing_readings held={} limit={} policy={}", held, opts.maxReadings(),
            opts.policy().wire());
      } else {
        LOG.info("event=retention_accepting_readings held={} limit={}", held, opts.maxReadings());
      }
      wasRefusing = d.rejectNew();
    }
    readings.set(held);
    dbBytes.set(u.dbBytes());
    refusing.set(d.rejectNew() ? 1 : 0);
    hoursLeft.set(hours == null ? Double.NaN : hours);
    RetentionState.publish(vertx, new JsonObject()
        .put("policy", opts.policy().wire())
        .put("drop_unreplicated", opts.dropUnreplicated())
        .put("readings", held)
        .put("max_readings", opts.maxReadings())
        .put("db_bytes", u.dbBytes())
        .put("db_budget_bytes", opts.dbBudgetBytes())
        .put("bytes_per_reading", Math.round(bytesPerReading))
        .put("ingest_readings_per_hour", Math.round(perHour))
        .put("hours_left", hours)
        .put("refusing_new_readings", d.rejectNew())
        .put("dropped_readings", (long) (droppedReplicated.count() + droppedUnreplicated.count()))
        .put("dropped_unreplicated_readings", (long) droppedUnreplicated.count())
        .put("measured_at", Instant.ofEpochMilli(now).toString()), refusal);
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    meters.forEach(registry::remove);
    RetentionState.clear(vertx);
    return running.otherwiseEmpty();
  }
}
