package com.clisonix.edge.gateway.journal;

import com.clisonix.edge.gateway.config.GatewayConfig;
import com.clisonix.edge.gateway.retention.RetentionState;
import com.clisonix.edge.sensor.ingest.DeviceSighting;
import com.clisonix.edge.sensor.ingest.JournalEntry;
import com.clisonix.edge.sensor.ingest.JournalResult;
import com.clisonix.edge.sensor.ingest.LocalCodec;
import com.clisonix.edge.sensor.ingest.MessageKey;
import com.clisonix.edge.sensor.ingest.Reading;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of readings into the edge store. Entries accumulate into a batch that is written
 * in one transaction when it holds {@code batch_rows} readings or its first entry is
 * {@code batch_delay_ms} old, one batch at a time; each entry is answered only after its batch
 * committed, which is when ingestion acknowledges the MQTT message. A repeat (same key in the
 * batch, or found in {@code ingest_messages}) is answered as a duplicate and stores nothing.
 * A failed batch fails every entry in it; ingestion retries them, and nothing was half-written.
 */
public class ReadingJournalVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ReadingJournalVerticle.class);

  private JournalRepository repo;
  private int batchRows;
  private long batchDelayMs;
  private long sightingIntervalMs;
  private final Map<UUID, UUID> openWorkouts = new HashMap<>();
  private final Map<String, Long> sightingWritten = new HashMap<>();
  private List<Message<JournalEntry>> current = new ArrayList<>();
  private int currentRows;
  private boolean flushing;
  private long timer = -1;
  private long purgeTimer = -1;
  private boolean refusing;

  @Override
  public Future<?> start() {
    GatewayConfig config = GatewayConfig.from(config(), config().getBoolean("demo", false));
    JsonObject journal = config().getJsonObject("journal", new JsonObject());
    batchRows = journal.getInteger("batch_rows", 500);
    batchDelayMs = journal.getLong("batch_delay_ms", 20L);
    sightingIntervalMs = journal.getLong("sighting_interval_ms", 10_000L);
    repo = new JournalRepository(PgBuilder.pool()
        .with(new PoolOptions().setShared(true).setName("edge-db").setMaxSize(config.edgePoolSize()))
        .connectingTo(config.edgeDb().connectOptions())
        .using(vertx)
        .build(), config.encryption().crypto());
    LocalCodec.register(vertx, JournalEntry.class);
    LocalCodec.register(vertx, JournalResult.class);
    vertx.eventBus().<JsonObject>consumer("workout.started", m -> openWorkouts.put(
        UUID.fromString(m.body().getString("user_id")), UUID.fromString(m.body().getString("workout_id"))));
    vertx.eventBus().<JsonObject>consumer("workout.ended", m -> openWorkouts.remove(
        UUID.fromString(m.body().getString("user_id"))));
    purgeTimer = vertx.setPeriodic(600_000, id -> repo.purge()
        .onSuccess(n -> LOG.info("event=ingest_keys_purged rows={}", n)));
    return repo.openWorkouts()
        .onSuccess(openWorkouts::putAll)
        .compose(v -> vertx.eventBus().<JournalEntry>consumer(JournalEntry.ADDRESS, this::onEntry).completion());
  }

  private void onEntry(Message<JournalEntry> msg) {
    current.add(msg);
    currentRows += msg.body().readings().size();
    if (currentRows >= batchRows) {
      flush();
    } else if (timer == -1 && !flushing) {
      timer = vertx.setTimer(batchDelayMs, id -> {
        timer = -1;
        flush();
      });
    }
  }

  private void flush() {
    if (flushing || current.isEmpty()) {
      return;
    }
    if (timer != -1) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    List<Message<JournalEntry>> batch = current;
    current = new ArrayList<>();
    currentRows = 0;
    flushing = true;
    write(batch).onComplete(ar -> {
      flushing = false;
      if (!current.isEmpty()) {
        if (currentRows >= batchRows) {
          flush();
        } else if (timer == -1) {
          timer = vertx.setTimer(batchDelayMs, id -> {
            timer = -1;
            flush();
          });
        }
      }
    });
  }

  private Future<Void> write(List<Message<JournalEntry>> all) {
    List<Message<JournalEntry>> batch = admitted(all);
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Integer> superseded = new ArrayList<>();
    Map<MessageKey, JournalEntry> firstByKey = new LinkedHashMap<>();
    List<MessageKey> mustStore = new ArrayList<>();
    Map<MessageKey, Integer> mustStoreMids = new HashMap<>();
    List<MessageKey> toCheck = new ArrayList<>();
    Map<MessageKey, Integer> checkMids = new HashMap<>();
    java.util.Set<MessageKey> checked = new java.util.HashSet<>();
    boolean[] repeatInBatch = new boolean[batch.size()];
    Map<String, DeviceSighting> sightings = new LinkedHashMap<>();
    long now = System.currentTimeMillis();
    for (int i = 0; i < batch.size(); i++) {
      JournalEntry e = batch.get(i).body();
      if (!e.dup() && e.packetId() > 0) {
        superseded.add(e.packetId());
      }
      if (e.sighting() != null) {
        sightings.put(e.sighting().deviceId(), e.sighting());
      }
      MessageKey k = e.key();
      if (k == null) {
        continue;
      }
      if (firstByKey.putIfAbsent(k, e) != null) {
        repeatInBatch[i] = true;
        continue;
      }
      if (k.kind() == MessageKey.Kind.IN_FLIGHT && !e.dup()) {
        mustStore.add(k);
        mustStoreMids.put(k, e.packetId());
      } else {
        toCheck.add(k);
        checked.add(k);
        checkMids.put(k, k.kind() == MessageKey.Kind.IN_FLIGHT ? e.packetId() : null);
      }
    }
    List<DeviceSighting> due = new ArrayList<>();
    for (DeviceSighting s : sightings.values()) {
      Long last = sightingWritten.get(s.deviceId());
      if (last == null || now - last >= sightingIntervalMs) {
        due.add(s);
      }
    }
    Map<UUID, String> contexts = new HashMap<>();
    openWorkouts.keySet().forEach(u -> contexts.put(u, "workout"));
    return repo.commit(superseded, mustStore, mustStoreMids, toCheck, checkMids,
            fresh -> readingsToStore(batch, repeatInBatch, fresh), due, contexts)
        .onSuccess(fresh -> {
          due.forEach(s -> sightingWritten.put(s.deviceId(), now));
          for (int i = 0; i < batch.size(); i++) {
            JournalEntry e = batch.get(i).body();
            boolean duplicate = repeatInBatch[i] || (e.key() != null && checked.contains(e.key()) && !fresh.contains(e.key()));
            batch.get(i).reply(new JournalResult(duplicate, duplicate ? 0 : e.readings().size()));
          }
        })
        .onFailure(err -> {
          LOG.warn("event=journal_batch_failed entries={} error=\"{}\"", batch.size(), err.getMessage());
          batch.forEach(m -> m.fail(503, "journal: " + err.getMessage()));
        })
        .mapEmpty();
  }

  /**
   * At the retention limit under {@code reject-new} (or when nothing more may be dropped), entries
   * that carry readings are refused: ingestion does not acknowledge them, so the broker keeps them
   * and delivers them again once there is room. Entries without readings pass.
   */
  private List<Message<JournalEntry>> admitted(List<Message<JournalEntry>> batch) {
    String refusal = RetentionState.refusal(vertx);
    if (refusal == null) {
      refusing = false;
      return batch;
    }
    List<Message<JournalEntry>> out = new ArrayList<>();
    long refused = 0;
    for (Message<JournalEntry> m : batch) {
      if (m.body().readings().isEmpty()) {
        out.add(m);
      } else {
        refused += m.body().readings().size();
        m.fail(507, "journal: " + refusal);
      }
    }
    if (refused > 0) {
      RetentionState.rejected("mqtt", refused);
      if (!refusing) {
        LOG.warn("event=journal_refusing_readings readings={} reason=\"{}\"", refused, refusal);
        refusing = true;
      }
    }
    return out;
  }

  private static List<Reading> readingsToStore(List<Message<JournalEntry>> batch, boolean[] repeatInBatch,
      Set<MessageKey> fresh) {
    List<Reading> out = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      JournalEntry e = batch.get(i).body();
      if (repeatInBatch[i] || e.readings().isEmpty()) {
        continue;
      }
      MessageKey k = e.key();
      boolean store = k == null || (k.kind() == MessageKey.Kind.IN_FLIGHT && !e.dup()) || fresh.contains(k);
      if (store) {
        out.addAll(e.readings());
      }
    }
    return out;
  }

  /** What is in the open batch gets written before the pool closes. */
  @Override
  public Future<?> stop() {
    if (purgeTimer != -1) {
      vertx.cancelTimer(purgeTimer);
    }
    if (current.isEmpty() && !flushing) {
      return Future.succeededFuture();
    }
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    long poll = vertx.setPeriodic(10, id -> {
      if (!flushing && !current.isEmpty()) {
        flush();
      }
      if (!flushing && current.isEmpty()) {
        done.tryComplete();
      }
    });
    long guard = vertx.setTimer(10_000, id -> done.tryComplete());
    return done.future().onComplete(ar -> {
      vertx.cancelTimer(poll);
      vertx.cancelTimer(guard);
    });
  }
}
