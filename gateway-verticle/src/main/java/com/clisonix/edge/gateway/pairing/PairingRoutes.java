package com.clisonix.edge.gateway.pairing;

import com.clisonix.edge.analysis.pose.ExerciseKind;
import com.clisonix.edge.gateway.api.ApiContext;
import com.clisonix.edge.gateway.api.ApiException;
import com.clisonix.edge.gateway.api.ApiResponses;
import com.clisonix.edge.gateway.api.Fields;
import com.clisonix.edge.gateway.auth.Access;
import com.clisonix.edge.gateway.auth.Role;
import com.clisonix.edge.sensor.bridge.DeviceId;
import com.clisonix.edge.sensor.bridge.DeviceIds;
import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.ingest.MqttIngestVerticle;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which athlete a device or camera track belongs to (the contract's section 2). Every change is
 * stored first, then republished to ingestion before the response, so the next reading is
 * attributed to the new owner.
 */
public final class PairingRoutes {
  private static final Pattern TRACK = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final ApiContext api;
  private final PairingRepository pairings;
  private final com.clisonix.edge.gateway.profile.ProfileRepository profiles;

  public PairingRoutes(ApiContext api) {
    this.api = api;
    this.pairings = new PairingRepository(api.edge(), api.config().encryption().crypto());
    this.profiles = new com.clisonix.edge.gateway.profile.ProfileRepository(api.edge(), api.config().encryption().crypto());
  }

  public void mount(Router router) {
    router.post("/fitness/devices/:deviceId/pair").handler(this::pair);
    router.delete("/fitness/devices/:deviceId/pair").handler(this::unpair);
    router.get("/fitness/devices").handler(this::list);
    router.put("/fitness/devices/:deviceId").handler(this::label);
    router.post("/fitness/cameras/:cameraId/tracks/:track/pair").handler(this::pairTrack);
    router.delete("/fitness/cameras/:cameraId/tracks/:track/pair").handler(this::unpairTrack);
  }

  static String deviceId(RoutingContext ctx) {
    if (DeviceIds.normalise(ctx.pathParam("deviceId")) instanceof ParseResult.Parsed<DeviceId> p) {
      return p.value().value();
    }
    throw ApiException.validation("device_id", "device_id must be a MAC address or 1 to 64 of letters, digits, '_' or '-'");
  }

  static String pathId(RoutingContext ctx, String param) {
    String v = ctx.pathParam(param);
    if (v == null || !TRACK.matcher(v).matches()) {
      throw ApiException.validation(param.equals("cameraId") ? "camera_id" : param,
          param + " must be 1 to 64 of letters, digits, '_' or '-'");
    }
    return v;
  }

  private UUID targetUser(RoutingContext ctx, Fields f) {
    UUID user = f.uuid("user_id");
    if (user == null) {
      throw ApiException.validation("user_id", "user_id is required");
    }
    Access.requireSelfOrStaff(ctx, user);
    return user;
  }

  private Future<Void> republish() {
    return api.vertx().eventBus().request(PairingVerticle.REFRESH, null).mapEmpty();
  }

  private void event(String kind, UUID user, String field, String id) {
    api.vertx().eventBus().publish(MqttIngestVerticle.FLOOR_EVENTS, new JsonObject().put("kind", kind)
        .put("user_id", user == null ? null : user.toString()).put("ts", Instant.now().toString()).put(field, id));
  }

  private void pair(RoutingContext ctx) {
    String device = deviceId(ctx);
    Fields f = Fields.of(ctx);
    UUID user = targetUser(ctx, f);
    profiles.exists(user)
        .compose(ok -> ok ? pairings.pair(device, user) : Future.failedFuture(ApiException.notFound("profile")))
        .compose(prev -> republish().map(prev))
        .onSuccess(prev -> {
          prev.filter(p -> !p.equals(user)).ifPresent(p -> event("unpaired", p, "device_id", device));
          event("paired", user, "device_id", device);
          ApiResponses.json(ctx, 200, new JsonObject().put("success", true).put("device_id", device)
              .put("user_id", user.toString()).put("moved_from", prev.map(UUID::toString).orElse(null)));
        })
        .onFailure(ctx::fail);
  }

  private void unpair(RoutingContext ctx) {
    Access.require(ctx, Role.COACH, Role.ADMIN);
    String device = deviceId(ctx);
    pairings.unpair(device, "unpaired")
        .map(prev -> prev.orElseThrow(() -> ApiException.notFound("pairing")))
        .compose(prev -> republish().map(prev))
        .onSuccess(prev -> {
          event("unpaired", prev, "device_id", device);
          ApiResponses.json(ctx, 200, new JsonObject().put("success", true).put("device_id", device)
              .put("user_id", prev.toString()));
        })
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    Access.require(ctx, Role.COACH, Role.ADMIN);
    pairings.devices().onSuccess(rows -> ApiResponses.json(ctx, 200, rows)).onFailure(ctx::fail);
  }

  private void label(RoutingContext ctx) {
    Access.require(ctx, Role.COACH, Role.ADMIN);
    String device = deviceId(ctx);
    String label = Fields.of(ctx).requiredString("label", 1, 255);
    pairings.label(device, label).onSuccess(d -> ApiResponses.json(ctx, 200, d)).onFailure(ctx::fail);
  }

  private void pairTrack(RoutingContext ctx) {
    String camera = pathId(ctx, "cameraId");
    String track = pathId(ctx, "track");
    Fields f = Fields.of(ctx);
    UUID user = targetUser(ctx, f);
    String raw = f.string("exercise", 1, 255);
    // known exercises by their canonical name, others as given (contract section 3)
    String exercise = raw == null ? null : ExerciseKind.fromName(raw).map(ExerciseKind::wireName).orElse(raw);
    profiles.exists(user)
        .compose(ok -> ok ? pairings.pairTrack(camera, track, user, exercise)
            : Future.failedFuture(ApiException.notFound("profile")))
        .compose(prev -> republish().map(prev))
        .onSuccess(prev -> {
          String id = camera + ":" + track;
          prev.filter(p -> !p.equals(user)).ifPresent(p -> event("unpaired", p, "track", id));
          event("paired", user, "track", id);
          ApiResponses.json(ctx, 200, new JsonObject().put("success", true).put("camera_id", camera).put("track", track)
              .put("user_id", user.toString()).put("exercise", exercise)
              .put("moved_from", prev.map(UUID::toString).orElse(null)));
        })
        .onFailure(ctx::fail);
  }

  private void unpairTrack(RoutingContext ctx) {
    Access.require(ctx, Role.COACH, Role.ADMIN);
    String camera = pathId(ctx, "cameraId");
    String track = pathId(ctx, "track");
    pairings.unpairTrack(camera, track)
        .map(prev -> prev.orElseThrow(() -> ApiException.notFound("pairing")))
        .compose(prev -> republish().map(prev))
        .onSuccess(prev -> {
          event("unpaired", prev, "track", camera + ":" + track);
          ApiResponses.json(ctx, 200, new JsonObject().put("success", true).put("camera_id", camera).put("track", track)
              .put("user_id", prev.toString()));
        })
        .onFailure(ctx::fail);
  }

}
