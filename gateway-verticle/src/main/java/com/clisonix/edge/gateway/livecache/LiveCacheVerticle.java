package com.clisonix.edge.gateway.livecache;

import com.clisonix.edge.gateway.config.GatewayConfig;
import com.clisonix.edge.gateway.config.LiveCacheOptions;
import com.clisonix.edge.sensor.ingest.Backoff;
import com.clisonix.edge.sensor.ingest.WireCodecs;
import com.clisonix.edge.sensor.ingest.MqttIngestVerticle;
import com.clisonix.edge.sensor.ingest.Reading;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.backends.BackendRegistries;
import io.vertx.redis.client.Redis;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the floor's last five minutes in Redis so that a restarted gateway, or another box of the
 * gym, shows the floor at once: the athletes' latest {@code floor.metrics} and their decoded
 * readings ({@code readings.decoded}, the stream the actors get).
 *
 * <p>Never on the hot path of ingestion: what arrives is put into this box's memory copy
 * ({@link MemoryLiveCache}) and a buffer, and every {@code live_cache.flush_ms} the buffer goes to
 * Redis as one pipelined batch, one batch at a time. Metrics coalesce per athlete (only the newest
 * is written); readings wait in a bounded buffer whose oldest are dropped and counted
 * ({@code clisonix_livecache_dropped_total}) when Redis is slow or down. A failed batch goes back
 * into the buffer and the next attempt waits with jittered exponential backoff; the Redis client
 * opens a new connection for that attempt, so the cache reconnects by itself once Redis is back.
 *
 * <p>Reads ({@link #LATEST_ADDRESS}, {@link #LATEST_ALL_ADDRESS}, {@link #READINGS_ADDRESS},
 * local to the box) are answered from Redis merged with memory (the newer metrics of an athlete
 * win), or from memory alone while Redis is down. {@link #STATUS_ADDRESS} reports the state.
 */
public class LiveCacheVerticle extends VerticleBase {
  public static final String LATEST_ADDRESS = "livecache.latest";
  public static final String LATEST_ALL_ADDRESS = "livecache.latest_all";
  public static final String READINGS_ADDRESS = "livecache.readings";
  public static final String STATUS_ADDRESS = "livecache.status";
  public static final String METRICS_ADDRESS = "floor.metrics";
  /** Per athlete in memory: five minutes of a strap, a machine and a camera's eye metrics with room to spare. */
  static final int MAX_READINGS_PER_ATHLETE = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(LiveCacheVerticle.class);

  private final CacheValueCodec codec;
  private LiveCacheOptions options;
  private Redis redis;
  private RedisLiveCache shared;
  private MemoryLiveCache memory;
  private Backoff backoff;
  private final Map<UUID, JsonObject> pendingMetrics = new LinkedHashMap<>();
  private final ArrayDeque<Reading> pendingReadings = new ArrayDeque<>();
  private final AtomicInteger pendingGauge = new AtomicInteger();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private boolean flushing;
  private boolean redisUp = true;
  private long nextAttemptAt;
  private long lastWarning;
  private String lastError;
  private long flushTimer = -1;
  private long evictTimer = -1;
  private Counter batches;
  private Counter written;
  private Counter dropped;
  private Counter failures;
  private long batchCount;
  private long writtenCount;
  private long droppedCount;
  private long failureCount;

  /** Values stored as they are; see {@link #LiveCacheVerticle(CacheValueCodec)}. */
  public LiveCacheVerticle() {
    this(new PlaintextCacheValueCodec());
  }

  /** @param codec what every value passes through on its way to Redis and back (encryption at rest plugs in here) */
  public LiveCacheVerticle(CacheValueCodec codec) {
    this.codec = codec;
  }

  @Override
  public Future<?> start() {
    GatewayConfig config = GatewayConfig.from(config(), config().getBoolean("demo", false));
    options = config.liveCache();
    memory = new MemoryLiveCache(System::currentTimeMillis, MAX_READINGS_PER_ATHLETE);
    backoff = new Backoff(Math.min(100, options.maxBackoffMs()), options.maxBackoffMs(), new SplittableRandom());
    if (config.redisUri() != null) {
      redis = Redis.createClient(vertx, config.redisUri());
      shared = new RedisLiveCache(redis, config.redisKeyPrefix(), codec, System::currentTimeMillis, options.timeoutMs());
    } else {
      redisUp = false;
      lastError = "no Redis configured";
    }
    meters();
    WireCodecs.register(vertx);
    var bus = vertx.eventBus();
    consumers.add(bus.<JsonObject>localConsumer(METRICS_ADDRESS, this::onMetrics));
    consumers.add(bus.<Reading>localConsumer(MqttIngestVerticle.READINGS_ADDRESS, m -> onReading(m.body())));
    consumers.add(bus.<JsonObject>localConsumer(LATEST_ADDRESS, this::latest));
    consumers.add(bus.localConsumer(LATEST_ALL_ADDRESS, this::latestAll));
    consumers.add(bus.<JsonObject>localConsumer(READINGS_ADDRESS, this::readings));
    consumers.add(bus.localConsumer(STATUS_ADDRESS, m -> m.reply(status())));
    flushTimer = vertx.setPeriodic(options.flushMs(), id -> flush());
    evictTimer = vertx.setPeriodic(10_000, id -> memory.evictExpired());
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  private void meters() {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    if (registry == null) {
      registry = new SimpleMeterRegistry();
    }
    batches = Counter.builder("clisonix.livecache.batches").description("batches written to the Redis live cache")
        .register(registry);
    written = Counter.builder("clisonix.livecache.readings.written").description("readings written to the Redis live cache")
        .register(registry);
    dropped = Counter.builder("clisonix.livecache.dropped")
        .description("readings dropped from the live cache's buffer while Redis was slow or down").register(registry);
    failures = Counter.builder("clisonix.livecache.failures").description("live cache batches Redis did not take")
        .register(registry);
    Gauge.builder("clisonix.livecache.pending", pendingGauge, AtomicInteger::get)
        .description("readings waiting for the Redis live cache").register(registry);
  }

  private void onMetrics(Message<JsonObject> m) {
    JsonObject body = m.body();
    String user = body == null ? null : body.getString("user_id");
    if (user == null) {
      return;
    }
    UUID id;
    try {
      id = UUID.fromString(user);
    } catch (IllegalArgumentException e) {
      return; // not an athlete's metrics
    }
    memory.putMetrics(id, body);
    if (shared != null) {
      pendingMetrics.put(id, body);
    }
  }

  private void onReading(Reading r) {
    if (r == null || r.userId() == null) {
      return;
    }
    memory.addReading(r);
    if (shared == null) {
      return;
    }
    pendingReadings.addLast(r);
    trimPending();
  }

  private void trimPending() {
    while (pendingReadings.size() > options.maxPending()) {
      pendingReadings.pollFirst();
      dropped.increment();
      droppedCount++;
    }
    pendingGauge.set(pendingReadings.size());
  }

  private void flush() {
    if (shared == null || flushing || System.currentTimeMillis() < nextAttemptAt
        || (pendingMetrics.isEmpty() && pendingReadings.isEmpty())) {
      return;
    }
    LiveBatch batch = new LiveBatch(new LinkedHashMap<>(pendingMetrics), new ArrayList<>(pendingReadings));
    pendingMetrics.clear();
    pendingReadings.clear();
    pendingGauge.set(0);
    flushing = true;
    Future<Void> write;
    try {
      write = shared.write(batch);
    } catch (RuntimeException e) {
      write = Future.failedFuture(e); // a codec that refuses a value fails the batch, not the verticle
    }
    write.onComplete(ar -> {
      flushing = false;
      if (ar.succeeded()) {
        if (!redisUp) {
          LOG.info("event=redis_available use=live_cache");
        }
        redisUp = true;
        lastError = null;
        backoff.reset();
        batches.increment();
        written.increment(batch.readings().size());
        batchCount++;
        writtenCount += batch.readings().size();
      } else {
        failed(batch, ar.cause());
      }
    });
  }

  /** Puts the batch back in front of what arrived since (older first) and waits before the next try. */
  private void failed(LiveBatch batch, Throwable err) {
    redisUp = false;
    lastError = String.valueOf(err.getMessage());
    failures.increment();
    failureCount++;
    batch.metrics().forEach(pendingMetrics::putIfAbsent);
    List<Reading> back = batch.readings();
    for (int i = back.size() - 1; i >= 0; i--) {
      pendingReadings.addFirst(back.get(i));
    }
    trimPending();
    long delay = backoff.nextDelayMs();
    nextAttemptAt = System.currentTimeMillis() + delay;
    long now = System.currentTimeMillis();
    if (now - lastWarning > 60_000) {
      lastWarning = now;
      LOG.warn("event=redis_unavailable use=live_cache fallback=local_memory retry_in_ms={} pending={} error=\"{}\"",
          delay, pendingReadings.size(), lastError);
    }
  }

  // ---- reads

  private boolean tryRedis() {
    // while backing off, Redis is known to be away: answer from memory without waiting for a timeout
    return shared != null && (redisUp || System.currentTimeMillis() >= nextAttemptAt);
  }

  private <T> Future<T> fromRedis(Future<T> read) {
    return read.onFailure(err -> {
      long now = System.currentTimeMillis();
      if (now - lastWarning > 60_000) {
        lastWarning = now;
        LOG.warn("event=live_cache_read_failed fallback=local_memory error=\"{}\"", err.getMessage());
      }
    });
  }

  private void latest(Message<JsonObject> m) {
    UUID id = userId(m);
    if (id == null) {
      return;
    }
    Future<Optional<JsonObject>> mine = memory.latest(id);
    if (!tryRedis()) {
      m.reply(mine.result().orElse(null));
      return;
    }
    fromRedis(shared.latest(id)).onComplete(ar -> {
      JsonObject local = mine.result().orElse(null);
      JsonObject remote = ar.succeeded() ? ar.result().orElse(null) : null;
      m.reply(newer(local, remote));
    });
  }

  private void latestAll(Message<Object> m) {
    JsonArray mine = memory.latestAll().result();
    if (!tryRedis()) {
      m.reply(mine);
      return;
    }
    fromRedis(shared.latestAll()).onComplete(ar -> {
      Map<String, JsonObject> byUser = new LinkedHashMap<>();
      if (ar.succeeded()) {
        ar.result().forEach(o -> byUser.put(((JsonObject) o).getString("user_id"), (JsonObject) o));
      }
      mine.forEach(o -> byUser.merge(((JsonObject) o).getString("user_id"), (JsonObject) o, LiveCacheVerticle::newer));
      m.reply(new JsonArray(new ArrayList<>(byUser.values())));
    });
  }

  private void readings(Message<JsonObject> m) {
    UUID id = userId(m);
    if (id == null) {
      return;
    }
    JsonArray mine = memory.readings(id).result();
    if (!tryRedis()) {
      m.reply(mine);
      return;
    }
    // Redis has the whole gym's and the previous run's; memory alone has what was not flushed yet
    fromRedis(shared.readings(id)).onComplete(ar -> m.reply(ar.succeeded() ? union(ar.result(), mine) : mine));
  }

  /** Both lists' readings once each, oldest first. */
  static JsonArray union(JsonArray a, JsonArray b) {
    Map<String, JsonObject> seen = new LinkedHashMap<>();
    for (JsonArray list : List.of(a, b)) {
      list.forEach(o -> seen.putIfAbsent(((JsonObject) o).encode(), (JsonObject) o));
    }
    List<JsonObject> all = new ArrayList<>(seen.values());
    all.sort(java.util.Comparator.comparingLong(LiveCacheJson::epochMs));
    return new JsonArray(new ArrayList<>(all));
  }

  private static UUID userId(Message<JsonObject> m) {
    try {
      return UUID.fromString(m.body().getString("user_id"));
    } catch (RuntimeException e) {
      m.fail(400, "user_id must be a UUID");
      return null;
    }
  }

  /** The metrics object with the later {@code ts}; {@code a} on a tie. */
  static JsonObject newer(JsonObject a, JsonObject b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return LiveCacheJson.epochMs(b) > LiveCacheJson.epochMs(a) ? b : a;
  }

  private JsonObject status() {
    return new JsonObject()
        .put("redis", shared == null ? "off" : redisUp ? "up" : "degraded")
        .put("pending_readings", pendingReadings.size())
        .put("pending_metrics", pendingMetrics.size())
        .put("batches", batchCount)
        .put("readings_written", writtenCount)
        .put("dropped", droppedCount)
        .put("failures", failureCount)
        .put("memory_athletes", memory.athletes())
        .put("last_error", lastError);
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(flushTimer);
    vertx.cancelTimer(evictTimer);
    consumers.forEach(MessageConsumer::unregister);
    if (redis == null) {
      return Future.succeededFuture();
    }
    // what is still buffered goes out once more, briefly, so a restart finds the newest figures
    Future<Void> last = pendingMetrics.isEmpty() && pendingReadings.isEmpty() || flushing ? Future.succeededFuture()
        : shared.write(new LiveBatch(new HashMap<>(pendingMetrics), new ArrayList<>(pendingReadings)))
            .timeout(options.timeoutMs(), TimeUnit.MILLISECONDS);
    return last.otherwiseEmpty().eventually(() -> redis.close());
  }
}
