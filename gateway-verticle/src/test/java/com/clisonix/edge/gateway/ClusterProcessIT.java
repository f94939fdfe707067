package com.clisonix.edge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.testing.MqttService;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RealServices;
import com.clisonix.edge.testing.RedisService;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar with --cluster: a one-line refusal without members, and a box that joins, serves and leaves. */
@RealServices
class ClusterProcessIT {

  @Test
  void clusterWithoutMembersStopsStartUpWithOneLine(PostgresService pg, RedisService redis, MqttService mqtt,
      @TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.copy(GatewayProcessIT.shippedYaml(), dir.resolve("config/gateway.yaml"));
    try (GatewayProcess gw = GatewayProcess.start(dir, GatewayTestConfig.env(pg, redis, mqtt), "--cluster")) {
      assertThat(gw.waitFor(30)).isEqualTo(2);
      Thread.sleep(200);
      assertThat(gw.stderr()).as(gw.output()).hasSize(1);
      assertThat(gw.stderr().get(0)).startsWith(
          "clisonix-edge: configuration error: CLISONIX_CLUSTER_MEMBERS (cluster.members) is missing");
    }
  }

  @Test
  void aBoxJoinsItsGymsClusterServesAndLeavesOnSigterm(PostgresService pg, RedisService redis, MqttService mqtt,
      @TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.copy(GatewayProcessIT.shippedYaml(), dir.resolve("config/gateway.yaml"));
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Map<String, String> env = new HashMap<>(GatewayTestConfig.env(pg, redis, mqtt));
    // a gym of its own, so no other test's cluster can be joined
    env.put("CLISONIX_GYM_ID", "it-" + Long.toHexString(System.nanoTime()).substring(0, 8));
    env.put("CLISONIX_NODE_ID", "zone-a");
    env.put("CLISONIX_CLUSTER_MEMBERS", "127.0.0.1:" + port);
    env.put("CLISONIX_CLUSTER_HOST", "127.0.0.1");
    env.put("CLISONIX_CLUSTER_PORT", String.valueOf(port));
    try (GatewayProcess gw = GatewayProcess.start(dir, env, "--cluster")) {
      await().atMost(Duration.ofSeconds(60)).until(() -> gw.httpPort() > 0 || !gw.alive());
      assertThat(gw.httpPort()).as(gw.output()).isPositive();
      HttpClient client = HttpClient.newHttpClient();
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.httpPort() + "/health/ready")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200));
      await().atMost(Duration.ofSeconds(10)).until(() -> gw.output().contains("event=gateway_started")
          && gw.output().contains("cluster=true"));
      // alone in its cluster, the box owns every athlete shard
      assertThat(gw.output()).contains("event=athlete_shards_assigned node=zone-a members=1 owned=64");
      gw.terminate();
      assertThat(gw.waitFor(30)).as(gw.output()).isZero();
      assertThat(gw.output()).contains("event=gateway_stopped").doesNotContain(GatewayTestConfig.JWT_SECRET);
    }
  }
}
