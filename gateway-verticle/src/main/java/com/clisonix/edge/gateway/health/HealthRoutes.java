package com.clisonix.edge.gateway.health;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import java.time.Instant;

/**
 * {@code /health/live}, {@code /health/ready} (vertx-health-check; 503 naming the failing
 * dependency) and {@code /fitness/health} in the specification's shape with the contract's
 * {@code dependencies}.
 */
public final class HealthRoutes {
  /** The Fitness Training Module's API version that this gateway serves. */
  public static final String MODULE_VERSION = "1.0.0";

  private final DependencyProbes probes;
  private final HealthChecks ready;

  public HealthRoutes(Vertx vertx, DependencyProbes probes) {
    this.probes = probes;
    this.ready = HealthChecks.create(vertx)
        .register("edge_db", DependencyProbes.TIMEOUT_MS + 500, p -> complete(p, probes.edgeDb()))
        .register("mqtt", DependencyProbes.TIMEOUT_MS + 500, p -> complete(p, probes.mqtt()))
        .register("redis", DependencyProbes.TIMEOUT_MS + 500, p -> soft(p, probes.redisState()))
        .register("cloud_db", DependencyProbes.TIMEOUT_MS + 500, p -> soft(p, probes.cloudState()));
  }

  public void mount(Vertx vertx, Router router) {
    HealthChecks live = HealthChecks.create(vertx).register("process", p -> p.complete(Status.OK()));
    router.get("/health/live").handler(HealthCheckHandler.createWithHealthChecks(live));
    router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(ready));
    router.get("/fitness/health").handler(this::fitnessHealth);
  }

  private static void complete(Promise<Status> p, Future<Void> probe) {
    probe.onSuccess(v -> p.tryComplete(Status.OK()))
        .onFailure(err -> p.tryComplete(Status.KO(new JsonObject().put("error", String.valueOf(err.getMessage())))));
  }

  private static void soft(Promise<Status> p, Future<String> state) {
    // a degraded soft dependency leaves the box ready: it is reported, not failed
    state.onComplete(ar -> p.tryComplete(Status.OK(new JsonObject().put("state", ar.succeeded() ? ar.result() : "down"))));
  }

  private void fitnessHealth(RoutingContext ctx) {
    Future<String> edge = probes.edgeDb().map("up").otherwise("down");
    Future<String> mqtt = probes.mqtt().map("up").otherwise("down");
    Future<String> redis = probes.redisState();
    Future<String> cloud = probes.cloudState();
    Future.join(edge, mqtt, redis, cloud).onComplete(ar -> {
      boolean hardUp = "up".equals(edge.result()) && "up".equals(mqtt.result());
      boolean softUp = "up".equals(redis.result()) && !"down".equals(cloud.result());
      String status = !hardUp ? "unhealthy" : softUp ? "healthy" : "degraded";
      JsonObject body = new JsonObject()
          .put("status", status)
          .put("module", "fitness_training")
          .put("version", MODULE_VERSION)
          .put("timestamp", Instant.now().toString())
          .put("dependencies", new JsonObject()
              .put("edge_db", edge.result())
              .put("mqtt", mqtt.result())
              .put("redis", redis.result())
              .put("cloud_db", cloud.result()));
      ctx.response().setStatusCode(hardUp ? 200 : 503)
          .putHeader("content-type", "application/json")
          .end(body.encode());
    });
  }
}
