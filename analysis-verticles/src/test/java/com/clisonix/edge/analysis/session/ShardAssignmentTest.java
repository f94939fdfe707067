package com.clisonix.edge.analysis.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShardAssignmentTest {
    static final int SHARDS = AthleteShards.VIRTUAL_SHARDS;

    @Test
    void everyShardHasExactlyOneOwnerAndEveryMemberComputesTheSameTable() {
        ShardAssignment a = ShardAssignment.of(List.of("zone-a", "zone-b", "zone-c"), SHARDS);
        ShardAssignment b = ShardAssignment.of(List.of("zone-c", "zone-a", "zone-b", "zone-a"), SHARDS);
        int total = 0;
        for (String m : a.members()) {
            total += a.shardsOf(m).size();
        }
        assertThat(total).isEqualTo(SHARDS);
        for (int s = 0; s < SHARDS; s++) {
            assertThat(b.ownerOf(s)).isEqualTo(a.ownerOf(s));
        }
    }

    @Test
    void shardsSpreadOverTheMembers() {
        ShardAssignment a = ShardAssignment.of(List.of("zone-a", "zone-b", "zone-c"), SHARDS);
        // 64 shards over 3 members: about 21 each; rendezvous hashing keeps every member well above a third of that
        for (String m : a.members()) {
            assertThat(a.shardsOf(m).size()).as(m).isBetween(10, 32);
        }
    }

    @Test
    void aLeavingMemberMovesOnlyItsOwnShardsAndGetsThemBackWhenItReturns() {
        ShardAssignment three = ShardAssignment.of(List.of("zone-a", "zone-b", "zone-c"), SHARDS);
        ShardAssignment two = ShardAssignment.of(List.of("zone-a", "zone-c"), SHARDS);
        for (int s = 0; s < SHARDS; s++) {
            if (!three.ownerOf(s).equals("zone-b")) {
                assertThat(two.ownerOf(s)).as("shard %d stays", s).isEqualTo(three.ownerOf(s));
            } else {
                assertThat(two.ownerOf(s)).isIn("zone-a", "zone-c");
            }
        }
        ShardAssignment again = ShardAssignment.of(List.of("zone-b", "zone-a", "zone-c"), SHARDS);
        assertThat(again.shardsOf("zone-b")).isEqualTo(three.shardsOf("zone-b"));
    }

    @Test
    void athletesSpreadOverVirtualShardsAndOverLocalActorsWithinOne() {
        Random random = new Random(42);
        Map<Integer, Integer> perVirtual = new HashMap<>();
        Map<Integer, Integer> perLocalInShard = new HashMap<>();
        for (int i = 0; i < 64_000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            int v = AthleteShards.virtualShardOf(id);
            assertThat(v).isBetween(0, SHARDS - 1);
            perVirtual.merge(v, 1, Integer::sum);
            if (v == 7) {
                perLocalInShard.merge(AthleteShards.shardOf(id, 4), 1, Integer::sum);
            }
        }
        assertThat(perVirtual).hasSize(SHARDS);
        assertThat(perVirtual.values()).allSatisfy(n -> assertThat(n).isBetween(800, 1200));
        // the athletes of one virtual shard still use every local actor of the owning box
        assertThat(perLocalInShard).hasSize(4);
        assertThat(perLocalInShard.values()).allSatisfy(n -> assertThat(n).isBetween(150, 350));
    }

    @Test
    void aSingleMemberOwnsEverything() {
        ShardAssignment one = ShardAssignment.of(List.of("box"), SHARDS);
        assertThat(one.shardsOf("box")).hasSize(SHARDS);
    }

    @Test
    void noMembersIsRefused() {
        assertThatThrownBy(() -> ShardAssignment.of(new ArrayList<>(), SHARDS)).isInstanceOf(IllegalArgumentException.class);
    }
}
