package com.clisonix.edge.gateway;

import com.clisonix.edge.gateway.cluster.HazelcastSetup;
import com.clisonix.edge.gateway.config.ClusterOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

/** The Vert.x instance of a gateway: Micrometer metrics (JVM, event bus, HTTP, pools) scraped as Prometheus text. */
public final class GatewayVertx {
  private GatewayVertx() {}

  public static Vertx create() {
    return Vertx.builder()
        .with(options())
        .withMetrics(new MicrometerMetricsFactory())
        .build();
  }

  /**
   * A member of the gym's cluster ({@code --cluster}): Hazelcast configured from the settings
   * ({@link HazelcastSetup}), the clustered event bus on the configured host and port.
   */
  public static Future<Vertx> createClustered(String gymId, String nodeId, ClusterOptions cluster) {
    VertxOptions options = options();
    EventBusOptions bus = options.getEventBusOptions().setPort(cluster.eventBusPort());
    if (cluster.host() != null) {
      bus.setHost(cluster.host());
    }
    if (cluster.publicHost() != null) {
      bus.setClusterPublicHost(cluster.publicHost());
    }
    return Vertx.builder()
        .with(options)
        .withMetrics(new MicrometerMetricsFactory())
        .withClusterManager(new HazelcastClusterManager(HazelcastSetup.config(gymId, nodeId, cluster)))
        .buildClustered();
  }

  private static VertxOptions options() {
    return new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
  }
}
