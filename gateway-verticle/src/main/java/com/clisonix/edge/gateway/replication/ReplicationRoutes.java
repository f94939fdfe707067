package com.clisonix.edge.gateway.replication;

import com.clisonix.edge.gateway.api.ApiContext;
import com.clisonix.edge.gateway.api.ApiResponses;
import com.clisonix.edge.gateway.auth.Access;
import com.clisonix.edge.gateway.auth.Role;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /fitness/replication}: what the cloud has not confirmed yet, per table, and how the
 * link is doing. Staff only. Without a cloud database the edge's backlog is still shown, with
 * {@code enabled: false}, so an operator sees what would be sent once one is configured.
 */
public final class ReplicationRoutes {
  private final ApiContext api;
  private final ReplicationRepository edgeOnly;

  public ReplicationRoutes(ApiContext api) {
    this.api = api;
    this.edgeOnly = new ReplicationRepository(api.edge(), null);
  }

  public void mount(Router router) {
    router.get("/fitness/replication").handler(this::status);
  }

  private void status(RoutingContext ctx) {
    Access.require(ctx, Role.COACH, Role.ADMIN);
    api.vertx().eventBus().<JsonObject>request(ReplicatorVerticle.STATUS_ADDRESS, null,
            new DeliveryOptions().setSendTimeout(10_000))
        .map(msg -> msg.body())
        .recover(err -> err instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS
            ? edgeOnly.pending().compose(tables -> io.vertx.core.Future.all(edgeOnly.pendingErasures(),
                edgeOnly.quarantined(20)).map(more -> new JsonObject()
                .put("enabled", false)
                .put("role", "off")
                .put("gym_id", api.config().gym().id())
                .put("cloud_reachable", false)
                .put("last_success", null)
                .put("last_error", null)
                .put("last_error_at", null)
                .put("consecutive_failures", 0)
                .put("drain_rate_rows_per_second", 0.0)
                .put("max_rows_per_second", api.config().replication().maxRowsPerSecond())
                .put("pending_erasures", more.<Long>resultAt(0))
                .put("tables", tables)
                .put("quarantine", more.<JsonObject>resultAt(1))))
            : io.vertx.core.Future.failedFuture(err))
        .onSuccess(body -> ApiResponses.json(ctx, 200, body
            .put("capacity", com.clisonix.edge.gateway.retention.RetentionState.snapshot(api.vertx()))))
        .onFailure(ctx::fail);
  }
}
