package com.clisonix.edge.analysis.session;

import com.clisonix.edge.sensor.ingest.IngestOutcome;
import com.clisonix.edge.sensor.ingest.LocalCodec;
import com.clisonix.edge.sensor.ingest.MqttIngestVerticle;
import com.clisonix.edge.sensor.ingest.Reading;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Hands every input to the shard that owns its athlete: readings from {@code readings.decoded},
 * pose frames from {@code pose.frames} (a frame goes once to each shard that owns one of its
 * people; the shard picks its own), workout and profile changes, and the gateway's questions
 * ({@code athlete.summary}, {@code athlete.latest}, {@code athlete.latest_all}). Records pass by
 * reference (local codec): nothing is copied or encoded on the way.
 *
 * <p>Configuration: {@code shards} (the number of {@link AthleteSessionVerticle}s deployed).
 */
public final class AthleteRouterVerticle extends VerticleBase {
    /** Request {@code {"user_id","workout_id"}}: ends the actor's workout and replies its summary. */
    public static final String SUMMARY_ADDRESS = "athlete.summary";
    /** Request {@code {"user_id"}}: the athlete's live metrics, or null when the actor has none. */
    public static final String LATEST_ADDRESS = "athlete.latest";
    /** Request (any body): every active athlete's live metrics, a JSON array. */
    public static final String LATEST_ALL_ADDRESS = "athlete.latest_all";
    public static final String WORKOUT_STARTED = "workout.started";
    public static final String WORKOUT_ENDED = "workout.ended";
    public static final String PROFILE_CHANGED = "profile.changed";

    // the shards live in this JVM; records travel by reference and must never meet the wire
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);
    private static final DeliveryOptions ASK = new DeliveryOptions().setLocalOnly(true).setSendTimeout(5000);

    private int shards;

    @Override
    public Future<?> start() {
        shards = config().getInteger("shards", 1);
        LocalCodec.register(vertx, Reading.class);
        LocalCodec.register(vertx, IngestOutcome.PoseFrames.class);
        var bus = vertx.eventBus();
        return Future.all(List.of(
            bus.<Reading>consumer(MqttIngestVerticle.READINGS_ADDRESS, m -> bus.send(owner(m.body().userId()), m.body(), LOCAL))
                .completion(),
            bus.<IngestOutcome.PoseFrames>consumer(MqttIngestVerticle.POSE_ADDRESS, m -> routePose(m.body())).completion(),
            bus.<JsonObject>consumer(WORKOUT_STARTED, m -> command("workout_started", m.body())).completion(),
            bus.<JsonObject>consumer(WORKOUT_ENDED, m -> command("workout_ended", m.body())).completion(),
            bus.<JsonObject>consumer(PROFILE_CHANGED, m -> command("profile_changed", m.body())).completion(),
            bus.<JsonObject>consumer(SUMMARY_ADDRESS, m -> ask("summary", m)).completion(),
            bus.<JsonObject>consumer(LATEST_ADDRESS, m -> ask("latest", m)).completion(),
            bus.consumer(LATEST_ALL_ADDRESS, this::latestAll).completion()));
    }

    private String owner(UUID userId) {
        return AthleteShards.address(AthleteShards.shardOf(userId, shards));
    }

    private void routePose(IngestOutcome.PoseFrames p) {
        boolean[] sent = new boolean[shards];
        for (IngestOutcome.TrackedPerson tp : p.people()) {
            int s = AthleteShards.shardOf(tp.userId(), shards);
            if (!sent[s]) {
                sent[s] = true;
                vertx.eventBus().send(AthleteShards.address(s), p, LOCAL);
            }
        }
    }

    private void command(String op, JsonObject body) {
        String user = body == null ? null : body.getString("user_id");
        if (user == null) {
            return;
        }
        vertx.eventBus().send(owner(UUID.fromString(user)), body.copy().put("op", op), LOCAL);
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
        vertx.eventBus().<Object>request(owner(id), m.body().copy().put("op", op), ASK)
            .onSuccess(r -> m.reply(r.body()))
            .onFailure(err -> m.fail(err instanceof ReplyException re ? re.failureCode() : 500, err.getMessage()));
    }

    private void latestAll(Message<Object> m) {
        List<Future<JsonArray>> parts = new ArrayList<>(shards);
        for (int s = 0; s < shards; s++) {
            parts.add(vertx.eventBus().<JsonArray>request(AthleteShards.address(s), new JsonObject().put("op", "latest_all"),
                ASK).map(Message::body));
        }
        Future.join(parts).onComplete(ar -> {
            JsonArray all = new JsonArray();
            for (Future<JsonArray> f : parts) {
                if (f.succeeded() && f.result() != null) {
                    all.addAll(f.result());
                }
            }
            m.reply(all);
        });
    }
}
