package com.clisonix.edge.bench;

import com.clisonix.edge.analysis.hr.HeartRateConfig;
import com.clisonix.edge.analysis.session.AthleteRouterVerticle;
import com.clisonix.edge.analysis.session.AthleteSessionVerticle;
import com.clisonix.edge.analysis.session.AthleteShards;
import com.clisonix.edge.analysis.session.ShardAssignment;
import com.clisonix.edge.gateway.GatewayVertx;
import com.clisonix.edge.gateway.cluster.ClusterMembershipVerticle;
import com.clisonix.edge.gateway.config.ClusterOptions;
import com.clisonix.edge.sensor.ingest.MqttIngestVerticle;
import com.clisonix.edge.sensor.ingest.Reading;
import com.clisonix.edge.sensor.reading.ReadingType;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The cluster's analysis path under load, in one JVM on loopback: 1, 2 and 3 members (the
 * gateway's own Hazelcast set-up and cluster membership, the real router and athlete actors, the
 * wire codecs), each box feeding its own zone's athletes into its router exactly as its MQTT
 * ingest does after decoding. Measures readings analysed per second (all members together) and
 * the latency a reading gains when its athlete's owner is another member (publish to analysed,
 * one reading at a time, p50/p99) against a local owner.
 *
 * <p>Not measured: MQTT, decoding and the journal's commit (the same on every box whether
 * clustered or not); profiles come from a stub instead of the store. All members share the
 * machine's cores, so more members add cluster hops but no CPU: the figures show the cost of the
 * cluster, not the gain of more boxes.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.clisonix.edge.bench.ClusterHarness [seconds] [athletes]</pre>
 */
public final class ClusterHarness {
  private static final DeliveryOptions THIS_BOX = new DeliveryOptions().setLocalOnly(true);
  /** Readings a box may have sent and not yet seen analysed: keeps the queues bounded, so this is throughput, not backlog. */
  private static final long WINDOW = 4_000;
  private static final int LATENCY_SAMPLES = 2_000;

  private final LongAdder analysed = new LongAdder();
  private final Map<Long, CompletableFuture<Long>> probes = new ConcurrentHashMap<>();

  record Member(String node, Vertx vertx) {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int athletes = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    System.out.printf("cores=%d event_loops_per_member=%d athletes=%d seconds=%d window=%d%n",
        Runtime.getRuntime().availableProcessors(), VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE, athletes, seconds, WINDOW);
    for (int n = 1; n <= 3; n++) {
      new ClusterHarness().run(n, seconds, athletes);
    }
    System.exit(0);
  }

  void run(int size, int seconds, int athleteCount) throws Exception {
    String gym = "bench-" + Long.toHexString(System.nanoTime()).substring(0, 8);
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ports.add(freePort());
    }
    List<ClusterOptions.Member> addresses = ports.stream().map(p -> new ClusterOptions.Member("127.0.0.1", p)).toList();
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String node = "box-" + (char) ('a' + i);
      Vertx vertx = GatewayVertx.createClustered(gym, node, new ClusterOptions(addresses, "127.0.0.1", ports.get(i), 0,
          null)).await(60, TimeUnit.SECONDS);
      deploy(vertx, node);
      members.add(new Member(node, vertx));
    }
    for (Member m : members) {
      while (m.vertx().eventBus().<JsonObject>request(AthleteRouterVerticle.OWNERSHIP_CURRENT, null, THIS_BOX)
          .await(5, TimeUnit.SECONDS).body().getJsonArray("members").size() < size) {
        Thread.sleep(100);
      }
    }
    List<UUID> athletes = new ArrayList<>();
    for (int i = 0; i < athleteCount; i++) {
      athletes.add(UUID.randomUUID());
    }
    // warm up (JIT, first profile loads), then measure
    throughput(members, athletes, 3);
    double perSecond = throughput(members, athletes, seconds);
    System.out.printf("members=%d readings_per_second=%.0f%n", size, perSecond);
    if (size > 1) {
      latency(members, size);
    }
    for (Member m : members) {
      m.vertx().close().await(60, TimeUnit.SECONDS);
    }
  }

  private void deploy(Vertx vertx, String node) throws Exception {
    // stands in for the store's profile.snapshot: every athlete is known only by id
    vertx.eventBus().localConsumer(AthleteSessionVerticle.PROFILE_SNAPSHOT, m -> m.reply(null));
    vertx.deployVerticle(new ClusterMembershipVerticle(), new DeploymentOptions()
        .setConfig(new JsonObject().put("node_id", node))).await(30, TimeUnit.SECONDS);
    int shards = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
    Consumer<Reading> hook = r -> {
      long now = System.nanoTime();
      analysed.increment();
      if ("probe".equals(r.deviceId())) {
        CompletableFuture<Long> f = probes.remove((long) r.value());
        if (f != null) {
          f.complete(now);
        }
      }
    };
    for (int i = 0; i < shards; i++) {
      vertx.deployVerticle(new AthleteSessionVerticle(HeartRateConfig.defaults(), hook), new DeploymentOptions()
          .setConfig(new JsonObject().put("shard", i).put("shards", shards))).await(30, TimeUnit.SECONDS);
    }
    vertx.deployVerticle(new AthleteRouterVerticle(), new DeploymentOptions()
        .setConfig(new JsonObject().put("shards", shards).put("cluster", true))).await(30, TimeUnit.SECONDS);
  }

  /** Every box pumps its zone's athletes (every n-th one) while its own window allows; readings analysed per second. */
  private double throughput(List<Member> members, List<UUID> athletes, int seconds) throws Exception {
    long[] sent = new long[members.size()];
    LongAdder[] done = new LongAdder[members.size()];
    long start = analysed.sum();
    long t0 = System.nanoTime();
    List<Long> timers = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      int box = i;
      done[i] = new LongAdder();
      List<UUID> zone = new ArrayList<>();
      for (int a = box; a < athletes.size(); a += members.size()) {
        zone.add(athletes.get(a));
      }
      Vertx vertx = members.get(box).vertx();
      int[] next = {0};
      timers.add(vertx.setPeriodic(1, id -> {
        // the window is shared: the box stops when the whole cluster lags
        long inFlight = Arrays.stream(sent).sum() - (analysed.sum() - start);
        int burst = 0;
        while (inFlight + burst < WINDOW * members.size() && burst < 500) {
          UUID athlete = zone.get(next[0]++ % zone.size());
          vertx.eventBus().publish(MqttIngestVerticle.READINGS_ADDRESS, new Reading(athlete, ReadingType.HEART_RATE,
              120 + next[0] % 40, "bpm", System.currentTimeMillis(), "strap", "chest_strap", "bench", null), THIS_BOX);
          burst++;
        }
        sent[box] += burst;
      }));
    }
    Thread.sleep(seconds * 1000L);
    long end = analysed.sum();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    for (int i = 0; i < members.size(); i++) {
      members.get(i).vertx().cancelTimer(timers.get(i));
    }
    // let the window drain before the next phase
    long total = Arrays.stream(sent).sum();
    long deadline = System.currentTimeMillis() + 30_000;
    while (analysed.sum() - start < total && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    return (end - start) / elapsed;
  }

  /** One reading at a time from box a: to an athlete box a owns, and to one another box owns. */
  private void latency(List<Member> members, int size) throws Exception {
    ShardAssignment table = ShardAssignment.of(members.stream().map(Member::node).toList(), AthleteShards.VIRTUAL_SHARDS);
    UUID local = null;
    UUID remote = null;
    while (local == null || remote == null) {
      UUID id = UUID.randomUUID();
      boolean mine = table.ownerOf(AthleteShards.virtualShardOf(id)).equals(members.get(0).node());
      if (mine && local == null) {
        local = id;
      } else if (!mine && remote == null) {
        remote = id;
      }
    }
    Member a = members.get(0);
    for (String kind : List.of("local", "remote")) {
      UUID athlete = kind.equals("local") ? local : remote;
      long[] nanos = new long[LATENCY_SAMPLES];
      for (int i = -200; i < LATENCY_SAMPLES; i++) {
        long seq = (long) (i + 1_000_000) * 10 + (kind.equals("local") ? 1 : 2);
        CompletableFuture<Long> analysedAt = new CompletableFuture<>();
        probes.put(seq, analysedAt);
        long sentAt = System.nanoTime();
        a.vertx().eventBus().publish(MqttIngestVerticle.READINGS_ADDRESS, new Reading(athlete, ReadingType.HEART_RATE,
            seq, "bpm", System.currentTimeMillis(), "probe", "chest_strap", "bench", null), THIS_BOX);
        long took = analysedAt.get(10, TimeUnit.SECONDS) - sentAt;
        if (i >= 0) {
          nanos[i] = took;
        }
      }
      Arrays.sort(nanos);
      System.out.printf("members=%d owner=%s samples=%d p50_us=%.0f p99_us=%.0f%n", size, kind, LATENCY_SAMPLES,
          nanos[LATENCY_SAMPLES / 2] / 1e3, nanos[(int) (LATENCY_SAMPLES * 0.99)] / 1e3);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
