package com.clisonix.edge.gateway.stats;

import com.clisonix.edge.gateway.api.ApiContext;
import com.clisonix.edge.gateway.api.ApiException;
import com.clisonix.edge.gateway.api.ApiResponses;
import com.clisonix.edge.gateway.api.Fields;
import com.clisonix.edge.gateway.auth.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * {@code GET /fitness/users/{id}/stats}: the statistics the aggregator stored, computed on demand
 * (through the aggregator) for a user it has not reached yet.
 */
public final class StatsRoutes {
  private final ApiContext api;
  private final StatsRepository stats;
  private final com.clisonix.edge.gateway.profile.ProfileRepository profiles;

  public StatsRoutes(ApiContext api) {
    this.api = api;
    this.stats = new StatsRepository(api.edge());
    this.profiles = new com.clisonix.edge.gateway.profile.ProfileRepository(api.edge(), api.config().encryption().crypto());
  }

  public void mount(Router router) {
    router.get("/fitness/users/:id/stats").handler(this::get);
  }

  private void get(RoutingContext ctx) {
    UUID id = Fields.pathId(ctx, "id", "profile");
    Access.requireSelfOrStaff(ctx, id);
    profiles.exists(id)
        .compose(exists -> exists ? stats.stored(id) : Future.failedFuture(ApiException.notFound("profile")))
        .compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
            : api.vertx().eventBus().<JsonObject>request(StatsAggregatorVerticle.RECOMPUTE,
                    new JsonObject().put("user_id", id.toString()))
                .compose(reply -> stats.stored(id))
                .map(again -> again.orElseThrow(() -> ApiException.notFound("stats"))))
        .onSuccess(s -> ApiResponses.json(ctx, 200, s))
        .onFailure(ctx::fail);
  }
}
