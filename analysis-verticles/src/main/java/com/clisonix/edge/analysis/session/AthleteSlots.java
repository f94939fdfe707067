package com.clisonix.edge.analysis.session;

import com.clisonix.edge.analysis.emotion.EmotionalStateAnalyzer;
import com.clisonix.edge.analysis.hr.HeartRateConfig;
import com.clisonix.edge.analysis.stress.StressLevelAnalyzer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The athletes of one shard and the loading of their profiles. A new athlete's profile comes from
 * {@link AthleteSessionVerticle#PROFILE_SNAPSHOT} (answered by the gateway); what arrives while that
 * request is out is kept in order (at most {@link #MAX_QUEUED} inputs) and applied once it is
 * answered, so the first readings are analysed with the right HRmax, weight and age. Used on the
 * shard's event loop only.
 */
final class AthleteSlots {
    /** Most inputs a new athlete may queue while their profile is loading. */
    static final int MAX_QUEUED = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(AthleteSlots.class);

    private final Vertx vertx;
    private final HeartRateConfig hrConfig;
    private final long emitIntervalMs;
    private final StressLevelAnalyzer stress = new StressLevelAnalyzer();
    private final EmotionalStateAnalyzer emotion = new EmotionalStateAnalyzer();
    private final Map<UUID, AthleteSlot> slots = new HashMap<>();

    AthleteSlots(Vertx vertx, HeartRateConfig hrConfig, long emitIntervalMs) {
        this.vertx = vertx;
        this.hrConfig = hrConfig;
        this.emitIntervalMs = emitIntervalMs;
    }

    AthleteSlot get(UUID user) {
        return slots.get(user);
    }

    boolean contains(UUID user) {
        return slots.containsKey(user);
    }

    /** Every slot; removing through the iterator forgets the athlete. */
    Collection<AthleteSlot> all() {
        return slots.values();
    }

    /**
     * Runs {@code action} on the athlete's state, at once when it is loaded, else after the profile
     * arrives. {@code create}: a first input makes the slot (and asks for the profile).
     *
     * @return false when the action was not taken: no slot and none created, or too many inputs queued
     */
    boolean withState(UUID user, boolean create, Consumer<AthleteState> action) {
        AthleteSlot e = slots.get(user);
        if (e == null) {
            if (!create) {
                return false;
            }
            e = new AthleteSlot(user, emitIntervalMs);
            slots.put(user, e);
            load(e);
        }
        if (e.state != null) {
            action.accept(e.state);
        } else if (e.waiting.size() < MAX_QUEUED) {
            AthleteSlot slot = e;
            e.waiting.add(() -> action.accept(slot.state));
        } else {
            return false;
        }
        return true;
    }

    /** Fetches the profile again and applies it; {@code applied} runs afterwards for a loaded athlete. */
    void refresh(UUID user, Consumer<UUID> applied) {
        snapshot(user).onSuccess(p -> {
            AthleteSlot e = slots.get(user);
            if (e != null && e.state != null) {
                e.state.applyProfile(p);
                applied.accept(user);
            }
        });
    }

    private void load(AthleteSlot e) {
        snapshot(e.userId).onComplete(ar -> {
            ProfileSnapshot p = ar.succeeded() ? ar.result() : ProfileSnapshot.unknown(e.userId);
            if (ar.failed()) {
                LOG.warn("event=profile_snapshot_unavailable user_id={} error=\"{}\"", e.userId, ar.cause().getMessage());
            }
            e.state = new AthleteState(p, hrConfig, stress, emotion);
            // An athlete taken over from another box (or after a restart) starts here from the store's
            // profile and open workout; a warm state from the live cache would be applied at this point,
            // before the queued inputs below run.
            List<Runnable> queued = e.waiting;
            e.waiting = List.of();
            queued.forEach(Runnable::run);
        });
    }

    private Future<ProfileSnapshot> snapshot(UUID user) {
        return vertx.eventBus().<JsonObject>request(AthleteSessionVerticle.PROFILE_SNAPSHOT,
                new JsonObject().put("user_id", user.toString()), new DeliveryOptions().setSendTimeout(5000).setLocalOnly(true))
            .map(m -> AthleteJson.profileSnapshot(user, m.body()));
    }
}
