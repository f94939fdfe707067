package com.clisonix.edge.analysis.session;

import java.util.UUID;

/**
 * Which shard owns an athlete. Every sender (router, gateway) must agree on the rule, so it lives
 * in one place: {@code floorMod(userId.hashCode(), shards)}, address {@code athlete.<shard>}.
 */
public final class AthleteShards {

    /** Address prefix of the shard actors. */
    public static final String ADDRESS_PREFIX = "athlete.";

    /**
     * Virtual shards of a gym's cluster: the unit of ownership between members. Fixed, so every
     * member of every release agrees; 64 spreads athletes evenly over a handful of boxes.
     */
    public static final int VIRTUAL_SHARDS = 64;

    /** Address prefix of a virtual shard, registered only by the member that owns it. */
    public static final String VIRTUAL_ADDRESS_PREFIX = "athlete.shard.";

    private AthleteShards() {
    }

    /** The owning shard, 0 .. shards-1. */
    public static int shardOf(UUID userId, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("at least one shard: " + shards);
        }
        return Math.floorMod(userId.hashCode(), shards);
    }

    /**
     * The athlete's virtual shard in a cluster. A different mix from {@link #shardOf} (which picks the
     * actor inside a box), so the athletes of one virtual shard still spread over all local actors.
     */
    public static int virtualShardOf(UUID userId) {
        return (int) Long.remainderUnsigned(ShardAssignment.mix(userId.getMostSignificantBits()
            ^ userId.getLeastSignificantBits()), VIRTUAL_SHARDS);
    }

    /** The cluster-wide address of a virtual shard. */
    public static String virtualAddress(int virtualShard) {
        return VIRTUAL_ADDRESS_PREFIX + virtualShard;
    }

    /** The event-bus address of a shard. */
    public static String address(int shard) {
        return ADDRESS_PREFIX + shard;
    }
}
