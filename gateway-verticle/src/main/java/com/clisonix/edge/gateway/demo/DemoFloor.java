package com.clisonix.edge.gateway.demo;

import com.clisonix.edge.gateway.config.GatewayConfig;
import com.clisonix.edge.gateway.pairing.PairingRepository;
import com.clisonix.edge.gateway.pairing.PairingVerticle;
import com.clisonix.edge.gateway.profile.ProfileRepository;
import com.clisonix.edge.sensor.sim.FloorSimulator;
import com.clisonix.edge.sensor.sim.FloorSimulatorOptions;
import com.clisonix.edge.sensor.sim.FloorSimulatorVerticle;
import com.clisonix.edge.sensor.sim.SimAthlete;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's class: the floor simulator's athletes become real profiles (their strap as a linked
 * wearable, their machine and camera track paired), each with an open workout inside a running
 * class, and the simulator publishes their class to the broker. Everything goes through the
 * product's own store and registry, so the demo shows the production path.
 */
public final class DemoFloor {
  private static final Logger LOG = LoggerFactory.getLogger(DemoFloor.class);

  private DemoFloor() {}

  /** Creates the athletes and starts publishing; completes once the first messages are out. */
  public static Future<String> start(Vertx vertx, GatewayConfig config, int athletes) {
    JsonObject simConfig = new JsonObject()
        .put("host", config.mqtt().host()).put("port", config.mqtt().port()).put("tls", config.mqtt().tls())
        .put("username", config.mqtt().username()).put("password", config.mqtt().password())
        .put("client_id", "clisonix-demo-floor").put("root", config.mqtt().root()).put("athletes", athletes)
        .put("seed", 1L);
    FloorSimulatorOptions options = FloorSimulatorOptions.fromJson(simConfig);
    Pool pool = PgBuilder.pool().connectingTo(config.edgeDb().connectOptions()).using(vertx).build();
    ProfileRepository profiles = new ProfileRepository(pool);
    PairingRepository pairings = new PairingRepository(pool);
    UUID classId = UUID.randomUUID();
    Future<Void> chain = pool.preparedQuery("INSERT INTO classes (id, name, started_at) VALUES ($1, 'Demo class', now())")
        .execute(Tuple.of(classId)).mapEmpty();
    for (SimAthlete a : new FloorSimulator(options.spec()).truth().athletes()) {
      chain = chain.compose(v -> athlete(pool, profiles, pairings, a, classId));
    }
    return chain
        .compose(v -> vertx.eventBus().request(PairingVerticle.REFRESH, null))
        .compose(v -> vertx.deployVerticle(new FloorSimulatorVerticle(), new DeploymentOptions().setConfig(simConfig)))
        .compose(id -> firstMessages(vertx).map(id))
        .onSuccess(id -> LOG.info("event=demo_floor_started athletes={} class_id={}", athletes, classId))
        .eventually(pool::close);
  }

  private static Future<Void> athlete(Pool pool, ProfileRepository profiles, PairingRepository pairings, SimAthlete a,
      UUID classId) {
    UUID id = UUID.randomUUID();
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("username", a.username());
    columns.put("email", a.username() + "@demo.clisonix.local");
    columns.put("age", a.age());
    columns.put("gender", a.gender());
    columns.put("weight_kg", a.weightKg());
    columns.put("resting_heart_rate", (double) a.restingHr());
    columns.put("camera_enabled", a.cameraId() != null);
    columns.put("linked_wearables", new JsonObject().put("strap", a.strapId()));
    Future<?> f = profiles.insert(id, columns, null, "athlete")
        .compose(created -> pool.preparedQuery("INSERT INTO workouts (id, user_id, class_id, name, workout_type, "
                + "intensity, started_at) VALUES ($1, $2, $3, 'Demo class', 'hiit', 'high', now())")
            .execute(Tuple.of(UUID.randomUUID(), id, classId)));
    if (a.machineId() != null) {
      f = f.compose(v -> pairings.pair(a.machineId(), id));
    }
    if (a.cameraId() != null) {
      f = f.compose(v -> pairings.pairTrack(a.cameraId(), a.track(), id, null));
    }
    return f.mapEmpty();
  }

  /** The banner promises a class on the floor: wait (at most 10 s) until the simulator has published. */
  private static Future<Void> firstMessages(Vertx vertx) {
    Promise<Void> published = Promise.promise();
    long deadline = System.currentTimeMillis() + 10_000;
    vertx.setPeriodic(100, 100, id -> vertx.eventBus().<JsonObject>request(FloorSimulatorVerticle.STATUS_ADDRESS, null)
        .onComplete(ar -> {
          if ((ar.succeeded() && ar.result().body().getLong("acknowledged", 0L) > 0)
              || System.currentTimeMillis() > deadline) {
            vertx.cancelTimer(id);
            published.tryComplete();
          }
        }));
    return published.future();
  }
}
