package com.clisonix.edge.gateway.cluster;

import com.clisonix.edge.analysis.session.AthleteRouterVerticle;
import com.clisonix.edge.analysis.session.AthleteShards;
import com.clisonix.edge.analysis.session.ShardAssignment;
import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this box's view of the gym's cluster: on start and on every member joining or leaving it
 * recomputes which virtual athlete shards each member owns ({@link ShardAssignment} over the
 * members' node ids) and publishes this box's share on {@value AthleteRouterVerticle#OWNERSHIP_ADDRESS}
 * (this box only). Every member computes the same table from the same member list, so no
 * coordination message is needed; Hazelcast's membership is the single source of truth.
 *
 * <p>Two boxes with the same node id would claim the same shards: that is logged as an error
 * and the duplicates are told apart by their Hazelcast member id, so the cluster keeps one owner
 * per shard (the MQTT client ids of those boxes still clash, which the broker makes visible).
 *
 * <p>Configuration: {@code node_id}.
 */
public final class ClusterMembershipVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterMembershipVerticle.class);
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private Cluster cluster;
  private UUID listener;
  private String nodeId;
  private JsonObject current;

  @Override
  public Future<?> start() {
    nodeId = config().getString("node_id");
    if (!(((VertxInternal) vertx).clusterManager() instanceof HazelcastClusterManager manager)) {
      return Future.failedFuture("the cluster membership needs a Vert.x clustered with Hazelcast");
    }
    cluster = manager.getHazelcastInstance().getCluster();
    listener = cluster.addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
        context.runOnContext(v -> recompute("joined", event.getMember()));
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        context.runOnContext(v -> recompute("left", event.getMember()));
      }
    });
    recompute("start", null);
    return vertx.eventBus().localConsumer(AthleteRouterVerticle.OWNERSHIP_CURRENT, m -> m.reply(current)).completion();
  }

  @Override
  public Future<?> stop() {
    if (cluster != null && listener != null) {
      try {
        cluster.removeMembershipListener(listener);
      } catch (RuntimeException alreadyShutDown) {
        // Hazelcast is going away with the box anyway
      }
    }
    return Future.succeededFuture();
  }

  private void recompute(String why, Member changed) {
    Set<Member> members;
    try {
      members = cluster.getMembers();
    } catch (RuntimeException notRunning) {
      return; // shutting down
    }
    JsonObject table = table(members);
    if (table.equals(current)) {
      return;
    }
    current = table;
    LOG.info("event=cluster_members why={} member={} members={} owned_shards={}", why,
        changed == null ? nodeId : keyOf(changed, Set.of()), table.getJsonArray("members"),
        table.getJsonArray("owned").size());
    vertx.eventBus().publish(AthleteRouterVerticle.OWNERSHIP_ADDRESS, table, LOCAL);
  }

  private JsonObject table(Set<Member> members) {
    Set<String> seen = new HashSet<>();
    Set<String> duplicated = new HashSet<>();
    for (Member m : members) {
      String id = m.getAttribute(HazelcastSetup.NODE_ID_ATTRIBUTE);
      if (id != null && !seen.add(id)) {
        duplicated.add(id);
      }
    }
    if (!duplicated.isEmpty()) {
      LOG.error("event=cluster_duplicate_node_id node_ids={} reason=\"two boxes share a node id: give each box its own "
          + "CLISONIX_NODE_ID\"", duplicated);
    }
    List<String> keys = new ArrayList<>();
    String self = null;
    for (Member m : members) {
      String key = keyOf(m, duplicated);
      keys.add(key);
      if (m.localMember()) {
        self = key;
      }
    }
    ShardAssignment assignment = ShardAssignment.of(keys, AthleteShards.VIRTUAL_SHARDS);
    return new JsonObject().put("self", self).put("members", new JsonArray(assignment.members()))
        .put("owned", new JsonArray(assignment.shardsOf(self)));
  }

  private static String keyOf(Member m, Set<String> duplicated) {
    String id = m.getAttribute(HazelcastSetup.NODE_ID_ATTRIBUTE);
    if (id == null) {
      return m.getUuid().toString();
    }
    return duplicated.contains(id) ? id + "~" + m.getUuid() : id;
  }
}
