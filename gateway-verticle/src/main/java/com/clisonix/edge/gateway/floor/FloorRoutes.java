package com.clisonix.edge.gateway.floor;

import com.clisonix.edge.analysis.session.AthleteRouterVerticle;
import com.clisonix.edge.gateway.api.ApiContext;
import com.clisonix.edge.gateway.api.ApiException;
import com.clisonix.edge.gateway.api.ApiResponses;
import com.clisonix.edge.gateway.api.Fields;
import com.clisonix.edge.gateway.auth.Access;
import com.clisonix.edge.gateway.auth.Role;
import com.clisonix.edge.gateway.livecache.LiveCacheJson;
import com.clisonix.edge.gateway.livecache.LiveCacheVerticle;
import com.clisonix.edge.gateway.music.MusicRoutes;
import com.clisonix.edge.sensor.ingest.MqttIngestVerticle;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /fitness/users/{id}/live} and {@code GET /fitness/floor} (the contract's section 4):
 * the athlete actors' live metrics; for athletes whose actor has nothing yet (a gateway that has
 * just started, or another box's athlete), the live cache's last metrics of the past five
 * minutes; and the store-based {@link AthleteMetricsView} for the rest, or when the store has a
 * clearly newer reading than the cache (readings posted over HTTP do not pass the actors).
 */
public final class FloorRoutes {
  private final FloorRepository floor;
  private final AthleteMetricsView view;
  private final io.vertx.core.Vertx vertx;
  /** The actors emit at least once a second while readings flow; a store reading newer than this beats the cache. */
  static final long CACHE_LAG_MS = 2000;
  /** The contract's activity window: an athlete with a reading in the last 60 s is on the floor. */
  static final long ACTIVE_MS = 60_000;

  public FloorRoutes(ApiContext api, AthleteMetricsView view) {
    this.vertx = api.vertx();
    this.floor = new FloorRepository(api.edge(), api.config().encryption().crypto());
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

  /**
   * The athlete actors' latest metrics: one athlete's from its shard, or every active one's. An
   * actor that is not running or has nothing yields nothing here, and the store-based view stands in.
   */
  private Future<JsonObject> fromActor(UUID id) {
    return vertx.eventBus().<JsonObject>request(AthleteRouterVerticle.LATEST_ADDRESS,
            new JsonObject().put("user_id", id.toString()), new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(2000))
        .map(m -> m.body())
        .recover(err -> Future.succeededFuture(null));
  }

  private Future<JsonArray> fromActors() {
    return vertx.eventBus().<JsonArray>request(AthleteRouterVerticle.LATEST_ALL_ADDRESS, null,
            new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(2000))
        .map(m -> m.body() == null ? new JsonArray() : m.body())
        .recover(err -> Future.succeededFuture(new JsonArray()));
  }

  /** The live cache's latest metrics of one athlete (Redis, or this box's memory while Redis is down). */
  private Future<JsonObject> fromCache(UUID id) {
    return vertx.eventBus().<JsonObject>request(LiveCacheVerticle.LATEST_ADDRESS,
            new JsonObject().put("user_id", id.toString()), new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(2000))
        .map(m -> m.body())
        .recover(err -> Future.succeededFuture(null));
  }

  private Future<JsonArray> fromCacheAll() {
    return vertx.eventBus().<JsonArray>request(LiveCacheVerticle.LATEST_ALL_ADDRESS, null,
            new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(2000))
        .map(m -> m.body() == null ? new JsonArray() : m.body())
        .recover(err -> Future.succeededFuture(new JsonArray()));
  }

  /** The cached metrics unless the store's view has a reading clearly newer than them. */
  static JsonObject cachedOrStored(JsonObject cached, JsonObject stored) {
    if (cached == null) {
      return stored;
    }
    if (stored == null) {
      return cached;
    }
    long c = LiveCacheJson.epochMs(cached);
    long s = LiveCacheJson.epochMs(stored);
    return s > c + CACHE_LAG_MS ? stored : cached;
  }

  private void live(RoutingContext ctx) {
    UUID id = Fields.pathId(ctx, "id", "profile");
    Access.requireSelfOrStaff(ctx, id);
    Future<java.util.Optional<JsonObject>> stored = floor.athlete(id);
    Future<JsonObject> actor = fromActor(id);
    Future<JsonObject> cached = fromCache(id);
    Future.all(stored, actor, cached)
        .map(v -> {
          JsonObject row = stored.result().orElseThrow(() -> ApiException.notFound("profile"));
          return actor.result() != null ? actor.result() : cachedOrStored(cached.result(), view.from(row));
        })
        .onSuccess(m -> ApiResponses.json(ctx, 200, m))
        .onFailure(ctx::fail);
  }

  private void floor(RoutingContext ctx) {
    Access.require(ctx, Role.COACH, Role.ADMIN);
    Future<java.util.Optional<JsonObject>> cls = floor.runningClass();
    Future<JsonArray> athletes = floor.activeAthletes();
    Future<JsonArray> unassigned = fromIngest(MqttIngestVerticle.UNASSIGNED_ADDRESS);
    Future<JsonArray> bridges = fromIngest(MqttIngestVerticle.BRIDGES_ADDRESS);
    Future<JsonArray> live = fromActors();
    Future<JsonArray> cached = fromCacheAll();
    // the floor still answers if the music does not; its tempo is then unknown (null)
    Future<JsonObject> music = MusicRoutes.currentTempo(vertx).recover(err -> Future.succeededFuture(null));
    Future.all(List.of(cls, athletes, unassigned, bridges, live, music, cached))
        .onSuccess(v -> {
          // the actors' figures where they have them; the cache's (the last five minutes, kept across restarts)
          // for active athletes the actors do not know yet; the store's for the others
          Map<String, JsonObject> byUser = new LinkedHashMap<>();
          athletes.result().forEach(r -> byUser.put(((JsonObject) r).getString("user_id"), view.from((JsonObject) r)));
          long activeSince = System.currentTimeMillis() - ACTIVE_MS;
          cached.result().forEach(o -> {
            JsonObject c = (JsonObject) o;
            String user = c.getString("user_id");
            if (byUser.containsKey(user)) {
              byUser.put(user, cachedOrStored(c, byUser.get(user)));
            } else if (LiveCacheJson.epochMs(c) >= activeSince) {
              byUser.put(user, c);
            }
          });
          live.result().forEach(m -> byUser.put(((JsonObject) m).getString("user_id"), (JsonObject) m));
          JsonArray metrics = new JsonArray();
          byUser.values().forEach(metrics::add);
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
