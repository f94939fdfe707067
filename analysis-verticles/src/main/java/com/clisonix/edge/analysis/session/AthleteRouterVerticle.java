package com.clisonix.edge.analysis.session;

import com.clisonix.edge.sensor.ingest.IngestOutcome;
import com.clisonix.edge.sensor.ingest.MqttIngestVerticle;
import com.clisonix.edge.sensor.ingest.Reading;
import com.clisonix.edge.sensor.ingest.WireCodecs;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every input to the shard that owns its athlete: readings from {@code readings.decoded},
 * pose frames from {@code pose.frames} (a frame goes once to each shard that owns one of its
 * people; the shard picks its own), workout and profile changes, and the gateway's questions
 * ({@code athlete.summary}, {@code athlete.latest}, {@code athlete.latest_all}). Within the box
 * records pass by reference: nothing is copied or encoded on the way.
 *
 * <p>In a gym's cluster ({@code cluster: true}) every athlete belongs to one of
 * {@link AthleteShards#VIRTUAL_SHARDS} virtual shards, and each virtual shard to exactly one member
 * ({@link ShardAssignment}, published on this box by the cluster membership as
 * {@value #OWNERSHIP_ADDRESS}). Inputs of an athlete this box owns go to its local actor as
 * before; the others go point-to-point to {@code athlete.shard.<n>}, which only the owner
 * registers, in the compact wire form ({@link WireCodecs}). A reading sent to another member is
 * acknowledged by the owner's actor once analysed; until then it is kept here and sent again
 * (after the owner left, to the member that took the shard over), in order behind it any newer
 * reading of that shard, so a member leaving loses no reading. Workout and profile commands are
 * published to every member and acted on by the owner only.
 *
 * <p>Configuration: {@code shards} (the number of {@link AthleteSessionVerticle}s deployed on this
 * box), {@code cluster} (false).
 */
public final class AthleteRouterVerticle extends VerticleBase {
    /** Request {@code {"user_id","workout_id"}}: ends the actor's workout and replies its summary. */
    public static final String SUMMARY_ADDRESS = "athlete.summary";
    /** Request {@code {"user_id"}}: the athlete's live metrics, or null when the actor has none. */
    public static final String LATEST_ADDRESS = "athlete.latest";
    /** Request (any body): every active athlete's live metrics, a JSON array. */
    public static final String LATEST_ALL_ADDRESS = "athlete.latest_all";
    /** Request (any body, this box only): {@code {"readings_analysed","pose_frames","athletes"}} of this box's actors. */
    public static final String COUNTERS_ADDRESS = "athlete.counters";
    public static final String WORKOUT_STARTED = "workout.started";
    public static final String WORKOUT_ENDED = "workout.ended";
    public static final String PROFILE_CHANGED = "profile.changed";
    /**
     * Published on this box only by the cluster membership whenever the member list changes:
     * {@code {"self": node id, "members": [node ids], "owned": [virtual shards of this box]}}.
     */
    public static final String OWNERSHIP_ADDRESS = "cluster.shards";
    /** Request (this box only): the current {@value #OWNERSHIP_ADDRESS} message. */
    public static final String OWNERSHIP_CURRENT = "cluster.shards.current";
    /** Prefix of the per-member address answering with that member's active athletes. */
    static final String MEMBER_LATEST_PREFIX = "athlete.latest_local.";
    /** Most inputs kept per virtual shard while its owner cannot be reached. */
    static final int MAX_OUTBOX = 20_000;
    static final long RETRY_MS = 200;
    /** Backlog readings sent at once while draining. */
    static final int DRAIN_BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(AthleteRouterVerticle.class);

    // the shards live in this JVM; records travel by reference and must never meet the wire
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);
    private static final DeliveryOptions ASK = new DeliveryOptions().setLocalOnly(true).setSendTimeout(5000);
    /** To another member: an owner that left answers nothing, so the timeout is the failover's worst case. */
    private static final DeliveryOptions REMOTE = new DeliveryOptions().setSendTimeout(3000);

    private int shards;
    private boolean cluster;
    /** Cluster only: which virtual shards this box owns now. */
    private boolean[] owned;
    private String self;
    private List<String> members = List.of();
    private final Map<Integer, MessageConsumer<Object>> shardConsumers = new HashMap<>();
    private MessageConsumer<Object> memberLatest;
    private ArrayDeque<Object>[] outbox;
    private boolean[] draining;
    private long dropped;

    @Override
    @SuppressWarnings("unchecked")
    public Future<?> start() {
        shards = config().getInteger("shards", 1);
        cluster = config().getBoolean("cluster", false);
        WireCodecs.register(vertx);
        var bus = vertx.eventBus();
        List<Future<?>> ready = new ArrayList<>(List.of(
            bus.<Reading>localConsumer(MqttIngestVerticle.READINGS_ADDRESS, m -> routeReading(m.body())).completion(),
            bus.<IngestOutcome.PoseFrames>localConsumer(MqttIngestVerticle.POSE_ADDRESS, m -> routePose(m.body()))
                .completion(),
            bus.<JsonObject>consumer(WORKOUT_STARTED, m -> command("workout_started", m.body())).completion(),
            bus.<JsonObject>consumer(WORKOUT_ENDED, m -> command("workout_ended", m.body())).completion(),
            bus.<JsonObject>consumer(PROFILE_CHANGED, m -> command("profile_changed", m.body())).completion(),
            bus.<JsonObject>consumer(SUMMARY_ADDRESS, m -> ask("summary", m)).completion(),
            bus.<JsonObject>consumer(LATEST_ADDRESS, m -> ask("latest", m)).completion(),
            bus.consumer(LATEST_ALL_ADDRESS, this::latestAll).completion(),
            bus.localConsumer(COUNTERS_ADDRESS, this::counters).completion()));
        if (!cluster) {
            return Future.all(ready);
        }
        owned = new boolean[AthleteShards.VIRTUAL_SHARDS];
        outbox = new ArrayDeque[AthleteShards.VIRTUAL_SHARDS];
        draining = new boolean[AthleteShards.VIRTUAL_SHARDS];
        for (int v = 0; v < outbox.length; v++) {
            outbox[v] = new ArrayDeque<>();
        }
        ready.add(bus.<JsonObject>localConsumer(OWNERSHIP_ADDRESS, m -> applyOwnership(m.body())).completion());
        // the membership is deployed first and knows the table already
        return Future.all(ready)
            .compose(v -> bus.<JsonObject>request(OWNERSHIP_CURRENT, null, ASK))
            .compose(m -> applyOwnership(m.body()));
    }

    private String localOwner(UUID userId) {
        return AthleteShards.address(AthleteShards.shardOf(userId, shards));
    }

    private boolean ownsLocally(UUID userId) {
        return owned == null || owned[AthleteShards.virtualShardOf(userId)];
    }

    private void routeReading(Reading r) {
        if (owned == null) {
            vertx.eventBus().send(localOwner(r.userId()), r, LOCAL);
            return;
        }
        deliver(AthleteShards.virtualShardOf(r.userId()), r);
    }

    private void routePose(IngestOutcome.PoseFrames p) {
        if (owned == null) {
            sendPoseLocally(p);
            return;
        }
        Set<Integer> virtual = new LinkedHashSet<>();
        for (IngestOutcome.TrackedPerson tp : p.people()) {
            virtual.add(AthleteShards.virtualShardOf(tp.userId()));
        }
        for (int v : virtual) {
            // each owner gets only its people, so no person is analysed twice and the wire carries less
            deliver(v, virtual.size() == 1 ? p : WireCodecs.only(p, tp -> AthleteShards.virtualShardOf(tp.userId()) == v));
        }
    }

    private void sendPoseLocally(IngestOutcome.PoseFrames p) {
        boolean[] sent = new boolean[shards];
        for (IngestOutcome.TrackedPerson tp : p.people()) {
            int s = AthleteShards.shardOf(tp.userId(), shards);
            if (!sent[s]) {
                sent[s] = true;
                vertx.eventBus().send(AthleteShards.address(s), p, LOCAL);
            }
        }
    }

    private void sendLocally(Object body) {
        if (body instanceof Reading r) {
            vertx.eventBus().send(localOwner(r.userId()), r, LOCAL);
        } else if (body instanceof IngestOutcome.PoseFrames p) {
            sendPoseLocally(p);
        }
    }

    /** Cluster: to the local actor when this box owns the shard, else to its owner, keeping order behind a backlog. */
    private void deliver(int v, Object body) {
        if (!outbox[v].isEmpty()) {
            enqueue(v, body);
        } else if (owned[v]) {
            sendLocally(body);
        } else {
            vertx.eventBus().request(AthleteShards.virtualAddress(v), body, REMOTE)
                .onFailure(err -> enqueue(v, body));
        }
    }

    private void enqueue(int v, Object body) {
        if (outbox[v].size() >= MAX_OUTBOX) {
            outbox[v].poll();
            if (dropped++ % 1000 == 0) {
                LOG.warn("event=athlete_route_dropped shard={} dropped_total={} reason=\"owner unreachable, backlog full\"",
                    v, dropped);
            }
        }
        outbox[v].add(body);
        if (!draining[v]) {
            draining[v] = true;
            vertx.setTimer(RETRY_MS, id -> drain(v));
        }
    }

    /**
     * Sends the backlog of a virtual shard in pipelined batches (one connection between two
     * members keeps their order); what fails goes back to the front, in order, and is tried again
     * shortly (after its owner left, the membership names the next one).
     */
    private void drain(int v) {
        if (outbox[v].isEmpty()) {
            draining[v] = false;
            return;
        }
        if (owned[v]) {
            while (!outbox[v].isEmpty()) {
                sendLocally(outbox[v].poll());
            }
            draining[v] = false;
            return;
        }
        int n = Math.min(DRAIN_BATCH, outbox[v].size());
        List<Object> batch = new ArrayList<>(n);
        List<Future<Message<Object>>> sends = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object body = outbox[v].poll();
            batch.add(body);
            sends.add(vertx.eventBus().request(AthleteShards.virtualAddress(v), body, REMOTE));
        }
        Future.join(sends).onComplete(ar -> {
            boolean failed = false;
            for (int i = n - 1; i >= 0; i--) {
                if (sends.get(i).failed()) {
                    outbox[v].addFirst(batch.get(i));
                    failed = true;
                }
            }
            if (failed) {
                vertx.setTimer(RETRY_MS, id -> drain(v));
            } else {
                drain(v);
            }
        });
    }

    /** A new member table: serve the shards gained, let go of the shards lost (their new owner rebuilds them). */
    private Future<Void> applyOwnership(JsonObject table) {
        if (table == null) {
            return Future.succeededFuture();
        }
        self = table.getString("self");
        members = table.getJsonArray("members", new JsonArray()).stream().map(Object::toString).toList();
        boolean[] next = new boolean[AthleteShards.VIRTUAL_SHARDS];
        table.getJsonArray("owned", new JsonArray()).forEach(o -> next[((Number) o).intValue()] = true);
        List<Future<?>> changes = new ArrayList<>();
        JsonArray released = new JsonArray();
        for (int v = 0; v < next.length; v++) {
            if (next[v] && !owned[v]) {
                int shard = v;
                MessageConsumer<Object> c = vertx.eventBus().consumer(AthleteShards.virtualAddress(v),
                    m -> fromMember(shard, m));
                shardConsumers.put(v, c);
                changes.add(c.completion());
            } else if (!next[v] && owned[v]) {
                MessageConsumer<Object> c = shardConsumers.remove(v);
                if (c != null) {
                    changes.add(c.unregister());
                }
                released.add(v);
            }
        }
        owned = next;
        if (!released.isEmpty()) {
            for (int s = 0; s < shards; s++) {
                vertx.eventBus().send(AthleteShards.address(s), new JsonObject().put("op", "release")
                    .put("virtual_shards", released), LOCAL);
            }
        }
        if (self != null && memberLatest == null) {
            memberLatest = vertx.eventBus().consumer(MEMBER_LATEST_PREFIX + self, this::latestLocal);
            changes.add(memberLatest.completion());
        }
        for (int v = 0; v < next.length; v++) {
            if (next[v] && !outbox[v].isEmpty() && !draining[v]) {
                draining[v] = true;
                int shard = v;
                vertx.runOnContext(x -> drain(shard));
            }
        }
        LOG.info("event=athlete_shards_assigned node={} members={} owned={} released={}", self, members.size(),
            table.getJsonArray("owned", new JsonArray()).size(), released.size());
        return Future.join(changes).mapEmpty();
    }

    /** An input for a virtual shard this box owns, from another member (or from itself through the bus). */
    private void fromMember(int v, Message<Object> m) {
        if (!owned[v]) {
            // the table moved on while the message travelled: the sender asks again and finds the new owner
            m.fail(503, "virtual shard " + v + " is no longer owned by " + self);
            return;
        }
        Object body = m.body();
        if (body instanceof Reading r) {
            vertx.eventBus().request(localOwner(r.userId()), r, ASK)
                .onSuccess(ok -> m.reply(null))
                .onFailure(err -> m.fail(503, err.getMessage()));
        } else if (body instanceof IngestOutcome.PoseFrames p) {
            sendPoseLocally(p);
            m.reply(null);
        } else if (body instanceof JsonObject q) {
            String user = q.getString("user_id");
            vertx.eventBus().<Object>request(localOwner(UUID.fromString(user)), q, ASK)
                .onSuccess(r -> m.reply(r.body()))
                .onFailure(err -> m.fail(err instanceof ReplyException re ? re.failureCode() : 500, err.getMessage()));
        } else {
            m.fail(400, "unexpected body");
        }
    }

    private void command(String op, JsonObject body) {
        String user = body == null ? null : body.getString("user_id");
        if (user == null) {
            return;
        }
        UUID id = UUID.fromString(user);
        // published to every member: the owner acts, the others let it be
        if (ownsLocally(id)) {
            vertx.eventBus().send(localOwner(id), body.copy().put("op", op), LOCAL);
        }
    }

    private void ask(String op, Message<JsonObject> m) {
        String user = m.body() == null ? null : m.body().getString("user_id");
        UUID id;
        try {
            id = UUID.fromString(user);
        } catch (RuntimeException e) {
            m.fail(400, "user_id must be a UUID");
            return;
        }
        JsonObject q = m.body().copy().put("op", op);
        Future<Message<Object>> answer = ownsLocally(id)
            ? vertx.eventBus().request(localOwner(id), q, ASK)
            : vertx.eventBus().request(AthleteShards.virtualAddress(AthleteShards.virtualShardOf(id)), q, REMOTE);
        answer.onSuccess(r -> m.reply(r.body()))
            .onFailure(err -> m.fail(err instanceof ReplyException re ? re.failureCode() : 500, err.getMessage()));
    }

    private Future<JsonArray> localLatest() {
        List<Future<JsonArray>> parts = new ArrayList<>(shards);
        for (int s = 0; s < shards; s++) {
            parts.add(vertx.eventBus().<JsonArray>request(AthleteShards.address(s), new JsonObject().put("op", "latest_all"),
                ASK).map(Message::body));
        }
        return Future.join(parts).transform(ar -> Future.succeededFuture(merge(parts)));
    }

    private static JsonArray merge(List<Future<JsonArray>> parts) {
        JsonArray all = new JsonArray();
        for (Future<JsonArray> f : parts) {
            if (f.succeeded() && f.result() != null) {
                all.addAll(f.result());
            }
        }
        return all;
    }

    private void latestLocal(Message<Object> m) {
        localLatest().onSuccess(m::reply);
    }

    /** Every active athlete of the floor: this box's actors, and in a cluster every other member's. */
    private void latestAll(Message<Object> m) {
        List<Future<JsonArray>> parts = new ArrayList<>();
        parts.add(localLatest());
        if (cluster) {
            for (String member : members) {
                if (!member.equals(self)) {
                    parts.add(vertx.eventBus().<JsonArray>request(MEMBER_LATEST_PREFIX + member, null, REMOTE)
                        .map(Message::body));
                }
            }
        }
        Future.join(parts).onComplete(ar -> m.reply(merge(parts)));
    }

    private void counters(Message<Object> m) {
        List<Future<JsonObject>> parts = new ArrayList<>(shards);
        for (int s = 0; s < shards; s++) {
            parts.add(vertx.eventBus().<JsonObject>request(AthleteShards.address(s), new JsonObject().put("op", "counters"),
                ASK).map(Message::body));
        }
        Future.join(parts).onComplete(ar -> {
            long readings = 0;
            long frames = 0;
            long athletes = 0;
            for (Future<JsonObject> f : parts) {
                if (f.succeeded()) {
                    readings += f.result().getLong("readings_analysed", 0L);
                    frames += f.result().getLong("pose_frames", 0L);
                    athletes += f.result().getLong("athletes", 0L);
                }
            }
            long backlog = 0;
            if (outbox != null) {
                for (ArrayDeque<Object> q : outbox) {
                    backlog += q.size();
                }
            }
            m.reply(new JsonObject().put("readings_analysed", readings).put("pose_frames", frames).put("athletes", athletes)
                .put("route_backlog", backlog).put("route_dropped", dropped));
        });
    }
}
