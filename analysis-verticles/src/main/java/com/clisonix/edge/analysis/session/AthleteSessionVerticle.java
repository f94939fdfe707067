package com.clisonix.edge.analysis.session;

import com.clisonix.edge.analysis.hr.HeartRateConfig;
import com.clisonix.edge.analysis.pose.ExerciseKind;
import com.clisonix.edge.analysis.pose.PoseEvent;
import com.clisonix.edge.analysis.pose.Skeleton;
import com.clisonix.edge.sensor.ingest.IngestOutcome;
import com.clisonix.edge.sensor.ingest.MqttIngestVerticle;
import com.clisonix.edge.sensor.ingest.Reading;
import com.clisonix.edge.sensor.ingest.WireCodecs;
import com.clisonix.edge.sensor.pose.PoseFormat;
import com.clisonix.edge.sensor.pose.PosePerson;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One shard of the athlete actors: the only owner of the {@link AthleteState} of every athlete
 * whose id hashes to it ({@link AthleteShards}). Its consumer on {@code athlete.<shard>} takes
 * {@link Reading}s and pose frames (by reference, from the router) and JSON commands
 * ({@code op}: {@code workout_started}, {@code workout_ended}, {@code profile_changed},
 * {@code summary}, {@code latest}, {@code latest_all}). All state is touched on this verticle's
 * event loop only, so nothing is locked.
 *
 * <p>A new athlete's profile comes from {@code profile.snapshot} (answered by the gateway); what
 * arrives while that request is out is kept in order and applied once it is answered, so the first
 * readings are analysed with the right HRmax, weight and age ({@link AthleteSlots}).
 * {@code profile_changed} fetches it again.
 *
 * <p>Publishes {@code AthleteMetrics} on {@code floor.metrics} at most once a second per athlete
 * on the leading edge ({@link LeadingEdgeThrottle}), rep / form / alert events on
 * {@code floor.events} at once, and, when an MQTT root is configured, the ALBA payload of each
 * active athlete once a second through the ingest verticle's {@code mqtt.link.publish}.
 *
 * <p>Configuration: {@code shard}, {@code shards}, {@code mqtt_root} (absent: no ALBA output),
 * {@code emit_interval_ms} (1000), {@code alba_interval_ms} (1000), {@code idle_evict_ms}
 * (600000: state of an athlete inactive that long is dropped).
 *
 * <p>In a gym's cluster the router may ask for an acknowledgement of a reading (a request rather
 * than a send): it is answered once the reading is analysed, so a reading from another member is
 * never counted as delivered while it still waits for the profile here. {@code release} drops the
 * athletes of virtual shards that moved to another member, whose actor rebuilds them from the
 * shared edge store.
 */
public final class AthleteSessionVerticle extends VerticleBase {
    public static final String METRICS_ADDRESS = "floor.metrics";
    public static final String EVENTS_ADDRESS = MqttIngestVerticle.FLOOR_EVENTS;
    /** Request {@code {"user_id"}}; reply the profile JSON with its open workout, or null. */
    public static final String PROFILE_SNAPSHOT = "profile.snapshot";

    /** The ALBA output goes out through this box's broker link. */
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

    private final HeartRateConfig hrConfig;
    private final Consumer<Reading> analysed;
    private AthleteSlots athletes;
    private long readingsAnalysed;
    private long poseFrames;
    private int shard;
    private int shards;
    private String liveRoot;
    private long emitIntervalMs;
    private long idleEvictMs;
    private long tick = -1;

    public AthleteSessionVerticle() {
        this(HeartRateConfig.defaults());
    }

    public AthleteSessionVerticle(HeartRateConfig hrConfig) {
        this(hrConfig, r -> { });
    }

    /** @param analysed told of every reading once it has been applied to its athlete's state (on this event loop) */
    public AthleteSessionVerticle(HeartRateConfig hrConfig, Consumer<Reading> analysed) {
        this.hrConfig = hrConfig;
        this.analysed = analysed;
    }

    @Override
    public Future<?> start() {
        JsonObject c = config();
        shard = c.getInteger("shard", 0);
        shards = c.getInteger("shards", 1);
        String root = c.getString("mqtt_root");
        liveRoot = root == null ? null : root + "/live/";
        emitIntervalMs = c.getLong("emit_interval_ms", 1000L);
        idleEvictMs = c.getLong("idle_evict_ms", 600_000L);
        long albaMs = c.getLong("alba_interval_ms", 1000L);
        athletes = new AthleteSlots(vertx, hrConfig, emitIntervalMs);
        WireCodecs.register(vertx);
        tick = vertx.setPeriodic(albaMs, id -> onTick());
        return vertx.eventBus().consumer(AthleteShards.address(shard), this::onMessage).completion();
    }

    @Override
    public Future<?> stop() {
        if (tick != -1) {
            vertx.cancelTimer(tick);
        }
        if (athletes == null) {
            return Future.succeededFuture();
        }
        athletes.all().forEach(e -> {
            if (e.timer != -1) {
                vertx.cancelTimer(e.timer);
            }
        });
        return Future.succeededFuture();
    }

    private void onMessage(Message<Object> msg) {
        Object body = msg.body();
        if (body instanceof Reading r) {
            onReading(r, msg);
        } else if (body instanceof IngestOutcome.PoseFrames p) {
            onPose(p);
        } else if (body instanceof JsonObject cmd) {
            onCommand(msg, cmd);
        }
    }

    private void onReading(Reading r, Message<Object> msg) {
        boolean acknowledge = msg.replyAddress() != null;
        boolean taken = athletes.withState(r.userId(), true, s -> {
            long now = System.currentTimeMillis();
            s.onReading(r, now);
            if (r.rawJson() != null) {
                eyeExtras(s, r, now);
            }
            readingsAnalysed++;
            analysed.accept(r);
            changed(r.userId());
            if (acknowledge) {
                msg.reply(null);
            }
        });
        if (!taken && acknowledge) {
            msg.fail(503, "too many readings waiting for the athlete's profile");
        }
    }

    /** Dilation rate and gaze stability have no reading type: they ride in the first reading's raw data. */
    private static void eyeExtras(AthleteState s, Reading r, long now) {
        if (r.rawJson() == null || !r.rawJson().contains("pupil_dilation_rate") && !r.rawJson().contains("eye_gaze")) {
            return;
        }
        try {
            JsonObject raw = new JsonObject(r.rawJson());
            s.onEyeExtras(raw.getDouble("pupil_dilation_rate"), raw.getDouble("eye_gaze_stability"), now);
        } catch (RuntimeException malformed) {
            // raw data the ingest verticle wrote itself; a bad one only costs the two extra features
        }
    }

    private void onPose(IngestOutcome.PoseFrames p) {
        poseFrames++;
        for (IngestOutcome.TrackedPerson tp : p.people()) {
            if (AthleteShards.shardOf(tp.userId(), shards) != shard || tp.index() >= p.frame().people().size()) {
                continue;
            }
            PosePerson person = p.frame().people().get(tp.index());
            athletes.withState(tp.userId(), true, s -> {
                long now = System.currentTimeMillis();
                long ts = p.frame().ts().orElse(now);
                Skeleton sk = Skeleton.tryFromNormalised(person.landmarks(), p.frame().width(), p.frame().height(),
                    person.format() == PoseFormat.MEDIAPIPE33 ? person.world() : null).orElse(null);
                List<PoseEvent> events = s.onPose(ts, tp.exercise(), sk, now);
                ExerciseKind shown = s.exercise();
                String exercise = shown == null ? null : shown.wireName();
                for (PoseEvent e : events) {
                    vertx.eventBus().publish(EVENTS_ADDRESS, AthleteJson.poseEvent(tp.userId(), exercise, e));
                }
                changed(tp.userId());
            });
        }
    }

    private void onCommand(Message<Object> msg, JsonObject cmd) {
        String op = cmd.getString("op", "");
        UUID user = cmd.getString("user_id") == null ? null : UUID.fromString(cmd.getString("user_id"));
        UUID workout = cmd.getString("workout_id") == null ? null : UUID.fromString(cmd.getString("workout_id"));
        switch (op) {
            case "workout_started" -> athletes.withState(user, true, s -> {
                if (!workout.equals(s.workoutId())) {
                    s.startWorkout(workout, null);
                }
                // the store knows the workout's class; the profile may have changed since it was read
                refresh(user);
                changed(user);
            });
            case "workout_ended" -> athletes.withState(user, false, s -> {
                s.finishWorkout(workout);
                changed(user);
            });
            case "profile_changed" -> {
                if (athletes.contains(user)) {
                    refresh(user);
                }
            }
            case "summary" -> {
                if (!athletes.contains(user)) {
                    msg.fail(404, "no live session for this athlete");
                    return;
                }
                athletes.withState(user, false, s -> s.finishWorkout(workout).ifPresentOrElse(
                    w -> {
                        msg.reply(AthleteJson.summary(w));
                        changed(user);
                    },
                    () -> msg.fail(404, "the athlete's live session has no such open workout")));
            }
            case "latest" -> {
                AthleteSlot e = athletes.get(user);
                long now = System.currentTimeMillis();
                msg.reply(e == null || !e.answers(now) ? null
                    : AthleteJson.metrics(e.state.metrics(now)));
            }
            case "latest_all" -> {
                long now = System.currentTimeMillis();
                JsonArray out = new JsonArray();
                for (AthleteSlot e : athletes.all()) {
                    if (e.answers(now)) {
                        out.add(AthleteJson.metrics(e.state.metrics(now)));
                    }
                }
                msg.reply(out);
            }
            case "release" -> release(cmd.getJsonArray("virtual_shards", new JsonArray()));
            case "counters" -> msg.reply(new JsonObject().put("readings_analysed", readingsAnalysed)
                .put("pose_frames", poseFrames).put("athletes", athletes.all().size()));
            default -> msg.fail(400, "unknown op: " + op);
        }
    }

    /** Forgets the athletes of virtual shards another member now owns (their state is rebuilt there). */
    private void release(JsonArray virtualShards) {
        Set<Integer> gone = new HashSet<>();
        virtualShards.forEach(o -> gone.add(((Number) o).intValue()));
        Iterator<AthleteSlot> it = athletes.all().iterator();
        while (it.hasNext()) {
            AthleteSlot e = it.next();
            if (gone.contains(AthleteShards.virtualShardOf(e.userId))) {
                if (e.timer != -1) {
                    vertx.cancelTimer(e.timer);
                }
                it.remove();
            }
        }
    }

    private void refresh(UUID user) {
        athletes.refresh(user, this::changed);
    }

    /** Something the metrics show changed: emit now (leading edge) or once the interval has passed. */
    private void changed(UUID user) {
        AthleteSlot e = athletes.get(user);
        if (e == null || e.state == null) {
            return;
        }
        long now = System.currentTimeMillis();
        if (e.throttle.offer(now)) {
            emit(e, now);
        } else if (e.timer == -1) {
            e.timer = vertx.setTimer(Math.max(1, e.throttle.delayMs(now)), id -> {
                e.timer = -1;
                long at = System.currentTimeMillis();
                if (e.throttle.pending() && e.throttle.delayMs(at) == 0) {
                    raiseAlerts(e, at);
                    JsonObject m = AthleteJson.metrics(e.state.metrics(at));
                    if (sameAsLast(e, m)) {
                        // nothing the floor shows changed: a repeat would only hold the next reading back
                        e.throttle.dropPending();
                    } else if (e.throttle.takeDue(at)) {
                        publish(e, m);
                    }
                }
            });
        }
    }

    private void emit(AthleteSlot e, long now) {
        raiseAlerts(e, now);
        publish(e, AthleteJson.metrics(e.state.metrics(now)));
    }

    private void publish(AthleteSlot e, JsonObject metrics) {
        JsonObject withoutTs = metrics.copy();
        withoutTs.remove("ts");
        e.lastEmitted = withoutTs;
        vertx.eventBus().publish(METRICS_ADDRESS, metrics);
    }

    private static boolean sameAsLast(AthleteSlot e, JsonObject metrics) {
        if (e.lastEmitted == null) {
            return false;
        }
        JsonObject withoutTs = metrics.copy();
        withoutTs.remove("ts");
        return withoutTs.equals(e.lastEmitted);
    }

    private boolean raiseAlerts(AthleteSlot e, long now) {
        List<AthleteAlert> raised = e.state.checkAlerts(now);
        for (AthleteAlert a : raised) {
            if (a != AthleteAlert.CAMERA_MISALIGNED) {
                // the pose analyser announces misalignment itself, with the exercise's own wording
                vertx.eventBus().publish(EVENTS_ADDRESS, AthleteJson.alert(e.userId, a, now));
            }
        }
        return !raised.isEmpty();
    }

    /** Once a second: time-based alerts (drop-out), ALBA output, and forgetting long-idle athletes. */
    private void onTick() {
        long now = System.currentTimeMillis();
        Iterator<AthleteSlot> it = athletes.all().iterator();
        while (it.hasNext()) {
            AthleteSlot e = it.next();
            if (e.state == null) {
                continue;
            }
            AthleteState s = e.state;
            if (raiseAlerts(e, now)) {
                changed(e.userId);
            }
            if (s.active(now)) {
                if (liveRoot != null) {
                    AthleteMetrics m = s.metrics(now);
                    vertx.eventBus().send(MqttIngestVerticle.PUBLISH_ADDRESS, new JsonObject()
                        .put("topic", liveRoot + e.userId).put("payload", AthleteJson.alba(s, m, now).encode())
                        .put("qos", 0).put("retain", false), LOCAL);
                }
            } else if (now - Math.max(0, s.lastArrivalMs()) > idleEvictMs) {
                if (e.timer != -1) {
                    vertx.cancelTimer(e.timer);
                }
                it.remove();
            }
        }
    }
}
