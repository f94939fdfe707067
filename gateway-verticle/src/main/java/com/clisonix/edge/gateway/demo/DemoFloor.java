package com.clisonix.edge.gateway.demo;

import com.clisonix.edge.gateway.classes.ClassRepository;
import com.clisonix.edge.gateway.classes.ClassRoutes;
import com.clisonix.edge.gateway.config.GatewayConfig;
import com.clisonix.edge.gateway.pairing.PairingRepository;
import com.clisonix.edge.gateway.pairing.PairingVerticle;
import com.clisonix.edge.gateway.profile.ProfileRepository;
import com.clisonix.edge.gateway.workout.WorkoutRepository;
import com.clisonix.edge.gateway.workout.WorkoutRoutes;
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
    ProfileRepository profiles = new ProfileRepository(pool, config.encryption().crypto());
    PairingRepository pairings = new PairingRepository(pool, config.encryption().crypto());
    UUID classId = UUID.randomUUID();
    Future<Void> chain = new ClassRepository(pool, profiles.crypto()).start(classId, "Demo class", null)
        .onSuccess(c -> vertx.eventBus().publish(ClassRoutes.CLASS_CHANGED, new JsonObject()
            .put("class_id", classId.toString()).put("state", "started")))
        .mapEmpty();
    for (SimAthlete a : new FloorSimulator(options.spec()).truth().athletes()) {
      chain = chain.compose(v -> athlete(vertx, pool, profiles, pairings, a, classId));
    }
    return chain
        .compose(v -> vertx.eventBus().request(PairingVerticle.REFRESH, null))
        .compose(v -> vertx.deployVerticle(new FloorSimulatorVerticle(), new DeploymentOptions().setConfig(simConfig)))
        .compose(id -> firstMessages(vertx).map(id))
        .onSuccess(id -> LOG.info("event=demo_floor_started athletes={} class_id={}", athletes, classId))
        .eventually(pool::close);
  }

  private static Future<Void> athlete(Vertx vertx, Pool pool, ProfileRepository profiles, PairingRepository pairings, SimAthlete a,
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
        .compose(created -> {
          UUID workout = UUID.randomUUID();
          return new WorkoutRepository(pool, profiles.crypto()).insert(new WorkoutRepository.NewWorkout(workout, id, classId, "Demo class",
                  null, "hiit", "high", null, null, null))
              // as the HTTP route does: the journal's reading context and the music follow this event
              .onSuccess(t -> vertx.eventBus().publish(WorkoutRoutes.WORKOUT_STARTED, new JsonObject()
                  .put("workout_id", workout.toString()).put("user_id", id.toString())));
        });
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
