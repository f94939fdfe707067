package com.clisonix.edge.analysis.session;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One athlete's place in a shard: the state once the profile is known, the inputs waiting for it,
 * and the 1 Hz emission throttle with its pending timer. Touched on the shard's event loop only.
 */
final class AthleteSlot {
    final UUID userId;
    /** Null until the profile snapshot has been answered. */
    AthleteState state;
    List<Runnable> waiting = new ArrayList<>();
    final LeadingEdgeThrottle throttle;
    /** The trailing emission's timer, or -1. */
    long timer = -1;
    /** The last metrics emitted, without their {@code ts}: a trailing emission that would repeat them is dropped. */
    io.vertx.core.json.JsonObject lastEmitted;

    AthleteSlot(UUID userId, long emitIntervalMs) {
        this.userId = userId;
        this.throttle = new LeadingEdgeThrottle(emitIntervalMs);
    }

    /**
     * Whether the actor speaks for the athlete on the floor: active, and with at least one input
     * analysed (otherwise the gateway's store-based view knows more).
     */
    boolean answers(long now) {
        return state != null && state.hasInput() && state.active(now);
    }
}
