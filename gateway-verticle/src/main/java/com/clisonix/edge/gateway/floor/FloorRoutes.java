package com.clisonix.edge.gateway.floor;

import com.clisonix.edge.gateway.api.ApiContext;
import com.clisonix.edge.gateway.api.ApiException;
import com.clisonix.edge.gateway.api.ApiResponses;
import com.clisonix.edge.gateway.api.Fields;
import com.clisonix.edge.gateway.auth.Access;
import com.clisonix.edge.gateway.auth.Role;
import com.clisonix.edge.gateway.music.MusicRoutes;
import com.clisonix.edge.sensor.ingest.MqttIngestVerticle;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** {@code GET /fitness/users/{id}/live} and {@code GET /fitness/floor} (the contract's section 4). */
public final class FloorRoutes {
  private final FloorRepository floor;
  private final AthleteMetricsView view;
  private final io.vertx.core.Vertx vertx;

  public FloorRoutes(ApiContext api, AthleteMetricsView view) {
    this.vertx = api.vertx();
    this.floor = new FloorRepository(api.edge());
    this.view = view;
  }

  public void mount(Router router) {
    router.get("/fitness/users/:id/live").handler(this::live);
    router.get("/fitness/floor").handler(this::floor);
  }

  /** Ingestion knows the bridges and the unassigned sources of the last five minutes. */
  private Future<JsonArray> fromIngest(String address) {
    return vertx.eventBus().<JsonArray>request(address, null,
            new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(2000))
        .map(m -> m.body())
        .recover(err -> Future.succeededFuture(new JsonArray()));
  }

  private void live(RoutingContext ctx) {
    UUID id = Fields.pathId(ctx, "id", "profile");
    Access.requireSelfOrStaff(ctx, id);
    floor.athlete(id)
        .map(row -> view.from(row.orElseThrow(() -> ApiException.notFound("profile"))))
        .onSuccess(m -> ApiResponses.json(ctx, 200, m))
        .onFailure(ctx::fail);
  }

  private void floor(RoutingContext ctx) {
    Access.require(ctx, Role.COACH, Role.ADMIN);
    Future<java.util.Optional<JsonObject>> cls = floor.runningClass();
    Future<JsonArray> athletes = floor.activeAthletes();
    Future<JsonArray> unassigned = fromIngest(MqttIngestVerticle.UNASSIGNED_ADDRESS);
    Future<JsonArray> bridges = fromIngest(MqttIngestVerticle.BRIDGES_ADDRESS);
    // the floor still answers if the music does not; its tempo is then unknown (null)
    Future<JsonObject> music = MusicRoutes.currentTempo(vertx).recover(err -> Future.succeededFuture(null));
    Future.all(cls, athletes, unassigned, bridges, music)
        .onSuccess(v -> {
          JsonArray metrics = new JsonArray();
          athletes.result().forEach(r -> metrics.add(view.from((JsonObject) r)));
          ApiResponses.json(ctx, 200, new JsonObject()
              .put("class", cls.result().orElse(null))
              .put("athletes", metrics)
              .put("unassigned", unassigned.result())
              .put("bridges", bridges.result())
              .put("music", music.result()));
        })
        .onFailure(ctx::fail);
  }
}
