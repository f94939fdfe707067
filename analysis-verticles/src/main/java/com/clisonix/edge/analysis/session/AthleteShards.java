package com.clisonix.edge.analysis.session;

import java.util.UUID;

/**
 * Which shard owns an athlete. Every sender (router, gateway) must agree on the rule, so it lives
 * in one place: {@code floorMod(userId.hashCode(), shards)}, address {@code athlete.<shard>}.
 */
public final class AthleteShards {

    /** Address prefix of the shard actors. */
    public static final String ADDRESS_PREFIX = "athlete.";

    private AthleteShards() {
    }

    /** The owning shard, 0 .. shards-1. */
    public static int shardOf(UUID userId, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("at least one shard: " + shards);
        }
        return Math.floorMod(userId.hashCode(), shards);
    }

    /** The event-bus address of a shard. */
    public static String address(int shard) {
        return ADDRESS_PREFIX + shard;
    }
}
