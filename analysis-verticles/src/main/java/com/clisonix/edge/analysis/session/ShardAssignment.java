package com.clisonix.edge.analysis.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Which member of a gym's cluster owns each virtual athlete shard: rendezvous (highest random
 * weight) hashing of the shard number against every member's node id. Every member computes the
 * same table from the same member list, with no coordination; when a member leaves only its
 * shards move (spread over the others), and when it comes back under the same node id it gets
 * exactly those shards back.
 */
public final class ShardAssignment {
    private final List<String> members;
    private final String[] owners;

    private ShardAssignment(List<String> members, String[] owners) {
        this.members = members;
        this.owners = owners;
    }

    /**
     * @param members the live members' node ids (order and duplicates do not matter)
     * @param shards  the number of virtual shards, the same on every member
     */
    public static ShardAssignment of(Collection<String> members, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("at least one shard: " + shards);
        }
        List<String> sorted = List.copyOf(new TreeSet<>(members));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("at least one member");
        }
        long[] memberHashes = new long[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            memberHashes[i] = fnv1a(sorted.get(i));
        }
        String[] owners = new String[shards];
        for (int s = 0; s < shards; s++) {
            long best = Long.MIN_VALUE;
            int winner = 0;
            for (int i = 0; i < memberHashes.length; i++) {
                long w = mix(memberHashes[i] ^ (s * 0x9E3779B97F4A7C15L));
                if (w > best || w == best && sorted.get(i).compareTo(sorted.get(winner)) < 0) {
                    best = w;
                    winner = i;
                }
            }
            owners[s] = sorted.get(winner);
        }
        return new ShardAssignment(sorted, owners);
    }

    public int shards() {
        return owners.length;
    }

    /** The live members, sorted. */
    public List<String> members() {
        return members;
    }

    public String ownerOf(int shard) {
        return owners[shard];
    }

    /** The shards {@code member} owns, ascending. */
    public List<Integer> shardsOf(String member) {
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < owners.length; s++) {
            if (owners[s].equals(member)) {
                out.add(s);
            }
        }
        return out;
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: stable across JVMs and releases (String.hashCode is only 32 bits). */
    static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The 64-bit finaliser of MurmurHash3: spreads nearby inputs over the whole range. */
    static long mix(long z) {
        z ^= z >>> 33;
        z *= 0xff51afd7ed558ccdL;
        z ^= z >>> 33;
        z *= 0xc4ceb9fe1a85ec53L;
        z ^= z >>> 33;
        return z;
    }
}
