package com.clisonix.edge.gateway.classes;

import com.clisonix.edge.gateway.api.ApiContext;
import com.clisonix.edge.gateway.api.ApiException;
import com.clisonix.edge.gateway.api.ApiResponses;
import com.clisonix.edge.gateway.api.Fields;
import com.clisonix.edge.gateway.auth.Access;
import com.clisonix.edge.gateway.auth.Principal;
import com.clisonix.edge.gateway.auth.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.UUID;

/**
 * Classes: a named, timed session run by a coach. Athletes with an open workout during it are its
 * attendees; ending it returns and keeps the class summary.
 */
public final class ClassRoutes {
  /** Published when a class starts or ends: {@code {"class_id", "state": "started" | "ended"}}. */
  public static final String CLASS_CHANGED = "class.changed";

  private final ApiContext api;
  private final ClassRepository classes;

  public ClassRoutes(ApiContext api) {
    this.api = api;
    this.classes = new ClassRepository(api.edge(), api.config().encryption().crypto());
  }

  public void mount(Router router) {
    router.post("/fitness/classes").handler(this::start);
    router.put("/fitness/classes/:id/end").handler(this::end);
    router.get("/fitness/classes/:id").handler(this::get);
  }

  private void start(RoutingContext ctx) {
    Principal coach = Access.require(ctx, Role.COACH, Role.ADMIN);
    String name = Fields.of(ctx).requiredString("name", 1, 255);
    UUID id = UUID.randomUUID();
    classes.start(id, name, coach.accountId())
        .map(c -> c.orElseThrow(() -> ApiException.conflict(null, "a class is running already: end it first")))
        .onSuccess(c -> {
          api.vertx().eventBus().publish(CLASS_CHANGED, new JsonObject().put("class_id", id.toString()).put("state", "started"));
          ApiResponses.json(ctx, 201, new JsonObject().put("success", true).put("class_id", id.toString()).put("class", c));
        })
        .onFailure(ctx::fail);
  }

  private void end(RoutingContext ctx) {
    Access.require(ctx, Role.COACH, Role.ADMIN);
    UUID id = Fields.pathId(ctx, "id", "class");
    classes.find(id)
        .map(c -> c.orElseThrow(() -> ApiException.notFound("class")))
        .compose(c -> classes.end(id, ClassRoutes::summary))
        .map(c -> c.orElseThrow(() -> ApiException.conflict(null, "the class has ended already")))
        .onSuccess(c -> {
          api.vertx().eventBus().publish(CLASS_CHANGED, new JsonObject().put("class_id", id.toString()).put("state", "ended"));
          ApiResponses.json(ctx, 200, new JsonObject().put("success", true).put("class", c).put("summary", c.getValue("summary")));
        })
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    Access.require(ctx, Role.COACH, Role.ADMIN);
    UUID id = Fields.pathId(ctx, "id", "class");
    classes.find(id)
        .map(c -> c.orElseThrow(() -> ApiException.notFound("class")))
        .compose(c -> c.getValue("ended_at") != null
            ? io.vertx.core.Future.succeededFuture(c)
            : classes.attendance(id).map(att -> c.put("attendees", att)))
        .onSuccess(c -> ApiResponses.json(ctx, 200, c))
        .onFailure(ctx::fail);
  }

  /** The summary kept with an ended class: one row per attendee, plus when it was made. */
  static JsonObject summary(JsonArray attendance) {
    return new JsonObject().put("generated_at", Instant.now().toString()).put("attendees", attendance.size())
        .put("athletes", attendance);
  }
}
