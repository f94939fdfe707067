package com.clisonix.edge.gateway.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.ApiClient.Res;
import com.clisonix.edge.gateway.ApiTestBase;
import com.clisonix.edge.gateway.journal.BridgePublisher;
import com.clisonix.edge.sensor.sim.pose.PoseSample;
import com.clisonix.edge.sensor.sim.pose.PoseSequence;
import com.clisonix.edge.sensor.sim.pose.PoseSequenceSynthesizer;
import com.clisonix.edge.sensor.sim.pose.SequenceSpec;
import com.clisonix.edge.sensor.sim.pose.SimExercise;
import com.clisonix.edge.testing.Credentials;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The athlete actors inside a whole gateway: real BLE bytes and pose frames through the gym's
 * Mosquitto, metrics and events on the event bus, the live and floor routes, the workout end, the
 * analysis endpoints with the specification's examples, and the ALBA stream to an upstream
 * subscriber.
 */
class LiveAnalysisTest extends ApiTestBase {
  /** A metrics message and when it arrived (wall clock). */
  record Seen(long at, JsonObject metrics) {}

  BridgePublisher bridge;
  final List<Seen> metrics = new CopyOnWriteArrayList<>();
  final List<JsonObject> events = new CopyOnWriteArrayList<>();
  final List<MessageConsumer<?>> consumers = new ArrayList<>();

  @BeforeAll
  void listen() throws Exception {
    consumers.add(gw.vertx().eventBus().<JsonObject>consumer("floor.metrics",
        m -> metrics.add(new Seen(System.currentTimeMillis(), m.body()))));
    consumers.add(gw.vertx().eventBus().<JsonObject>consumer("floor.events", m -> events.add(m.body())));
    await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/health/ready", null).status() == 200);
    bridge = new BridgePublisher(gw.vertx(), mqtt, "bridge1");
  }

  @AfterAll
  void close() throws Exception {
    consumers.forEach(MessageConsumer::unregister);
    bridge.close();
  }

  String athlete(String strap, JsonObject extra) {
    String id = profile(new JsonObject().put("age", 30).put("gender", "M").put("weight_kg", 80)
        .put("resting_heart_rate", 60).put("camera_enabled", true).mergeIn(extra));
    assertThat(api.post("/fitness/devices/" + strap + "/pair", adminToken, new JsonObject().put("user_id", id)).status())
        .isEqualTo(200);
    // the pairing reaches ingestion asynchronously: probe with old readings until the actor has one
    long[] probe = {System.currentTimeMillis() - 600_000};
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
      heartRate(strap, 90, probe[0] += 1000);
      return !metricsOf(id).isEmpty();
    });
    return id;
  }

  void heartRate(String strap, int bpm, long ts) throws Exception {
    // GATT 0x2A37: flags 0x06 (contact supported and detected, 8-bit value), then the rate
    byte[] envelope = new JsonObject().put("hex", String.format("06%02X", bpm)).put("ts", ts).encode()
        .getBytes(StandardCharsets.UTF_8);
    bridge.publishAndWait(mqtt.topicRoot() + "/ble/bridge1/" + strap + "/2a37/json", envelope, 1);
  }

  List<Seen> metricsOf(String user) {
    return metrics.stream().filter(s -> user.equals(s.metrics().getString("user_id"))).toList();
  }

  @Test
  void heartRateBecomesLiveMetricsOnTheLeadingEdge() throws Exception {
    String strap = "D1D2D3D4D5D6";
    String user = athlete(strap, new JsonObject());
    String workout = startWorkout(user);
    long base = System.currentTimeMillis() - 20_000;
    heartRate(strap, 100, base);
    await().atMost(Duration.ofSeconds(5)).until(() -> metricsOf(user).stream()
        .anyMatch(s -> Integer.valueOf(100).equals(s.metrics().getInteger("heart_rate"))));
    // quiet for more than a second: the next reading is emitted at once
    Thread.sleep(1500);
    int before = metricsOf(user).size();
    long sent = System.currentTimeMillis();
    heartRate(strap, 130, base + 1000);
    await().atMost(Duration.ofSeconds(3)).until(() -> metricsOf(user).size() > before);
    Seen leading = metricsOf(user).get(before);
    assertThat(leading.metrics().getInteger("heart_rate")).isEqualTo(130);
    assertThat(leading.at() - sent).as("leading edge: no waiting for the interval").isLessThan(700);
    // two more inside the second: coalesced into one emission with the latest value, a second later
    heartRate(strap, 131, base + 2000);
    heartRate(strap, 132, base + 3000);
    await().atMost(Duration.ofSeconds(4)).until(() -> metricsOf(user).stream()
        .anyMatch(s -> Integer.valueOf(132).equals(s.metrics().getInteger("heart_rate"))));
    List<Seen> after = metricsOf(user).subList(before, metricsOf(user).size());
    Seen trailing = after.stream().filter(s -> s.metrics().getInteger("heart_rate") == 132).findFirst().orElseThrow();
    assertThat(trailing.at() - leading.at()).as("at most once a second").isGreaterThanOrEqualTo(950);
    assertThat(after.stream().filter(s -> s.at() < leading.at() + 950)).as("nothing between").hasSize(1);
    assertThat(after.stream().map(s -> s.metrics().getInteger("heart_rate"))).doesNotContain(131);

    JsonObject m = trailing.metrics();
    assertThat(m.fieldNames()).containsExactlyInAnyOrder("user_id", "username", "ts", "workout_id", "class_id",
        "heart_rate", "hr_max", "pct_hr_max", "pct_hrr", "zone", "zone_color", "calories", "effort_points",
        "minutes_high_zone", "trimp", "hrv_rmssd", "stress_level", "emotional_state", "exercise", "reps_counted",
        "form_score", "power", "cadence", "speed", "distance", "alerts");
    assertThat(m.getString("workout_id")).isEqualTo(workout);
    assertThat(m.getDouble("hr_max")).isEqualTo(187.0);
    assertThat(m.getDouble("calories")).isPositive();
    assertThat(m.getString("ts")).isEqualTo(java.time.Instant.ofEpochMilli(base + 3000).toString());

    Res live = api.get("/fitness/users/" + user + "/live", adminToken);
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.json().getInteger("heart_rate")).isEqualTo(132);
    assertThat(live.json().getDouble("effort_points")).as("the actor's, not the store's").isNotNull();
    Res floor = api.get("/fitness/floor", adminToken);
    JsonObject mine = floor.json().getJsonArray("athletes").stream().map(o -> (JsonObject) o)
        .filter(o -> user.equals(o.getString("user_id"))).findFirst().orElseThrow();
    assertThat(mine.getDouble("calories")).isPositive();
  }

  @Test
  void cameraRepsReachTheFloorAndTheExerciseRowAndTheWorkoutEndIsFilled() throws Exception {
    String strap = "E1E2E3E4E5E6";
    String user = athlete(strap, new JsonObject());
    String workout = startWorkout(user);
    String track = "7";
    assertThat(api.post("/fitness/cameras/cam1/tracks/" + track + "/pair", adminToken,
        new JsonObject().put("user_id", user).put("exercise", "squat")).status()).isEqualTo(200);
    // two minutes of heart rate in zone 4, replayed by a bridge with its timestamps
    long start = System.currentTimeMillis() - 180_000;
    for (int i = 0; i <= 120; i++) {
      heartRate(strap, 155, start + i * 1000L);
    }
    SequenceSpec base = SequenceSpec.of(SimExercise.SQUAT, 4, 11);
    long t0 = System.currentTimeMillis() - 30_000;
    PoseSequence seq = PoseSequenceSynthesizer.generate(new SequenceSpec(base.exercise(), base.reps(), base.repSeconds(),
        base.pauseSeconds(), base.holdSeconds(), base.fault(), base.jitterPx(), base.occlusionPerSecond(),
        base.dropRate(), base.fps(), base.width(), base.height(), base.cameraYawDeg(), base.facingRight(), base.world(),
        base.seed(), t0));
    try (BridgePublisher camera = new BridgePublisher(gw.vertx(), mqtt, "cam1")) {
      List<Future<Void>> acks = new ArrayList<>();
      for (PoseSample p : seq.samples()) {
        acks.add(camera.publish(mqtt.topicRoot() + "/camera/cam1/pose", frame(p, track, base), 1));
      }
      Future.all(acks).await(30, TimeUnit.SECONDS);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
        .filter(e -> "rep".equals(e.getString("kind")) && user.equals(e.getString("user_id"))).count() >= 3);
    JsonObject rep = events.stream().filter(e -> "rep".equals(e.getString("kind")) && user.equals(e.getString("user_id")))
        .findFirst().orElseThrow();
    assertThat(rep.getString("exercise")).isEqualTo("squat");
    assertThat(rep.getInteger("rep")).isEqualTo(1);
    assertThat(rep.getDouble("form_score")).isBetween(0.0, 100.0);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
        api.get("/fitness/users/" + user + "/live", adminToken).json().getInteger("reps_counted")).isEqualTo(4));

    Res ended = api.put("/fitness/workouts/" + workout + "/end", adminToken, new JsonObject().put("mood_after", "good"));
    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
    assertThat(ended.json().fieldNames()).as("the specification's answer")
        .containsExactlyInAnyOrder("success", "message", "workout_id", "duration_minutes", "ended_at");

    JsonObject w = api.get("/fitness/workouts/" + workout, adminToken).json();
    assertThat(w.getDouble("total_calories_burned")).isPositive();
    assertThat(w.getDouble("average_heart_rate")).isEqualTo(155.0);
    assertThat(w.getDouble("max_heart_rate")).isEqualTo(155.0);
    assertThat(w.getDouble("effort_points")).as("two minutes in zone 4 at 4 points a minute").isEqualTo(8.0);
    assertThat(w.getJsonObject("zone_minutes").getDouble("zone4")).isEqualTo(2.0);
    assertThat(w.getDouble("trimp")).isPositive();
    assertThat(w.getDouble("hr_max_used")).isEqualTo(187.0);
    // the box's music records every open workout; its mean tempo lands once the file is stored
    assertThat(w.getValue("adaptive_music_bpm")).satisfiesAnyOf(
        v -> assertThat(v).isNull(), v -> assertThat(((Number) v).intValue()).isBetween(90, 160));
    assertThat(w.getString("ai_feedback")).contains("2 min in zones 4-5", "Squat: 4 reps");
    JsonObject squat = w.getJsonArray("exercises").getJsonObject(0);
    assertThat(squat.getString("name")).isEqualTo("squat");
    assertThat(squat.getInteger("reps_counted")).isEqualTo(4);
    assertThat(squat.getInteger("reps")).as("the client set none").isEqualTo(4);
    assertThat(squat.getDouble("form_score")).isBetween(0.0, 100.0);
    assertThat(api.put("/fitness/workouts/" + workout + "/end", adminToken, null).status()).isEqualTo(409);
  }

  @Test
  void aRaisedHrMaxIsStoredInTheProfileAndReachesTheActor() throws Exception {
    String strap = "F1F2F3F4F5F6";
    String user = athlete(strap, new JsonObject().put("max_heart_rate", 170));
    String workout = startWorkout(user);
    long start = System.currentTimeMillis() - 120_000;
    for (int i = 0; i <= 40; i++) {
      heartRate(strap, 176, start + i * 1000L);
    }
    // the broker acknowledged the readings; the actor may still be working through them, and the raise
    // needs all 40 s of them before the end asks for it
    String last = java.time.Instant.ofEpochMilli(start + 40_000).toString();
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
        last.equals(api.get("/fitness/users/" + user + "/live", adminToken).json().getString("ts")));
    Res ended = api.put("/fitness/workouts/" + workout + "/end", adminToken, null);
    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
    assertThat(api.get("/fitness/users/" + user + "/profile", adminToken).json().getDouble("max_heart_rate"))
        .isEqualTo(176.0);
    heartRate(strap, 120, start + 60_000);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
        api.get("/fitness/users/" + user + "/live", adminToken).json().getDouble("hr_max")).isEqualTo(176.0));
  }

  @Test
  void albaPayloadsReachAnUpstreamSubscriber() throws Exception {
    String strap = "C1C2C3C4C5C6";
    String user = athlete(strap, new JsonObject());
    startWorkout(user);
    Credentials up = mqtt.upstream();
    MqttClient sub = MqttClient.create(gw.vertx(), new MqttClientOptions().setClientId("upstream-" + System.nanoTime())
        .setUsername(up.username()).setPassword(up.password()));
    List<JsonObject> got = new CopyOnWriteArrayList<>();
    String topic = mqtt.topicRoot() + "/live/" + user;
    sub.publishHandler(m -> {
      if (m.topicName().equals(topic)) {
        got.add(new JsonObject(m.payload()));
      }
    });
    sub.connect(mqtt.port(), mqtt.host()).await(10, TimeUnit.SECONDS);
    try {
      sub.subscribe(mqtt.topicRoot() + "/live/#", 0).await(10, TimeUnit.SECONDS);
      heartRate(strap, 140, System.currentTimeMillis() - 1000);
      await().atMost(Duration.ofSeconds(10)).until(() -> got.stream()
          .anyMatch(p -> Integer.valueOf(140).equals(p.getJsonObject("sensors").getInteger("heart_rate"))));
      JsonObject p = got.stream().filter(x -> x.getJsonObject("sensors").getInteger("heart_rate") != null)
          .findFirst().orElseThrow();
      assertThat(p.fieldNames()).containsExactlyInAnyOrder("sensors", "channels", "metadata");
      assertThat(p.getJsonObject("sensors").fieldNames()).containsExactlyInAnyOrder("heart_rate", "calories_per_min",
          "emotional_state_confidence", "form_score", "stress_level", "pupil_size", "blink_rate");
      assertThat(p.getJsonObject("sensors").getDouble("calories_per_min")).isPositive();
      assertThat(p.getJsonObject("channels").getString("biometrics")).isEqualTo("chest_strap");
      assertThat(p.getJsonObject("metadata").getString("user_id")).isEqualTo(user);
      assertThat(p.getJsonObject("metadata").getString("workout_id")).isNotNull();
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void analyzeEndpointsAnswerTheSpecificationsExamplesAndStoreThem() {
    Account athlete = account("athlete", new JsonObject().put("age", 30));
    JsonObject pose = new JsonObject().put("exercise_name", "push_up")
        .put("pose_landmarks", new JsonObject()
            .put("shoulder", new JsonObject().put("x", 0.5).put("y", 0.3).put("z", 0.0))
            .put("elbow", new JsonObject().put("x", 0.6).put("y", 0.4).put("z", 0.1))
            .put("hip", new JsonObject().put("x", 0.5).put("y", 0.6).put("z", 0.0))
            .put("knee", new JsonObject().put("x", 0.5).put("y", 0.75).put("z", 0.0))
            .put("wrist", new JsonObject().put("x", 0.65).put("y", 0.35).put("z", 0.0)))
        .put("confidence_scores", new JsonObject().put("shoulder", 0.95).put("elbow", 0.92).put("hip", 0.88)
            .put("knee", 0.85).put("wrist", 0.90));
    Res p = api.post("/fitness/analyze/pose", athlete.token(), pose);
    assertThat(p.status()).as(p.toString()).isEqualTo(200);
    assertThat(p.json().getString("exercise")).isEqualTo("push_up");
    assertThat(p.json().getDouble("form_score")).isBetween(0.0, 100.0);
    assertThat(p.json().getJsonArray("recommendations")).isNotEmpty();
    assertThat(p.json().getString("timestamp")).isNotBlank();

    Res emotion = api.post("/fitness/analyze/emotional-state", athlete.token(), new JsonObject().put("pupil_size", 5.2)
        .put("pupil_dilation_rate", 0.15).put("blink_rate", 18).put("eye_gaze_stability", 75).put("heart_rate", 145));
    assertThat(emotion.status()).as(emotion.toString()).isEqualTo(200);
    assertThat(emotion.json().getString("emotional_state")).isEqualTo("focused");
    assertThat(emotion.json().getDouble("confidence")).isBetween(0.0, 1.0);
    assertThat(emotion.json().getBoolean("experimental")).isTrue();

    Res stress = api.post("/fitness/analyze/stress-level", athlete.token(), new JsonObject().put("heart_rate", 155)
        .put("heart_rate_variability", 35).put("pupil_dilation_rate", 0.25).put("respiratory_rate", 22));
    assertThat(stress.status()).as(stress.toString()).isEqualTo(200);
    assertThat(stress.json().getInteger("stress_level")).isBetween(60, 79);
    assertThat(stress.json().getString("interpretation")).isEqualTo("Stressed");
    assertThat(stress.json().getBoolean("during_exercise")).isFalse();

    assertThat(count("SELECT count(*) FROM coaching_sessions WHERE user_id = $1", java.util.UUID.fromString(athlete.id()))).isEqualTo(3);
    assertThat(count("SELECT count(*) FROM coaching_sessions WHERE user_id = $1 AND analysis_type = 'pose' "
        + "AND exercise_name = 'push_up' AND form_score IS NOT NULL", java.util.UUID.fromString(athlete.id()))).isEqualTo(1);
  }

  @Test
  void analyzeRequestsAreValidatedNamingTheFieldAndWriteNothing() {
    Account athlete = account("athlete");
    long before = count("SELECT count(*) FROM coaching_sessions");
    Res unknown = api.post("/fitness/analyze/pose", athlete.token(), new JsonObject().put("exercise_name", "juggling")
        .put("pose_landmarks", new JsonObject()));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.error().getString("field")).isEqualTo("exercise_name");
    Res badJoint = api.post("/fitness/analyze/pose", athlete.token(), new JsonObject().put("exercise_name", "squat")
        .put("pose_landmarks", new JsonObject().put("knee", new JsonObject().put("x", "left"))));
    assertThat(badJoint.status()).isEqualTo(400);
    assertThat(badJoint.error().getString("field")).isEqualTo("pose_landmarks.knee.x");
    Res noFrameSize = api.post("/fitness/analyze/pose", athlete.token(), new JsonObject().put("exercise_name", "squat")
        .put("frames", new JsonArray().add(new JsonObject())));
    assertThat(noFrameSize.error().getString("field")).isEqualTo("width");
    Res stress = api.post("/fitness/analyze/stress-level", athlete.token(), new JsonObject().put("heart_rate", 900));
    assertThat(stress.status()).isEqualTo(400);
    assertThat(stress.error().getString("field")).isEqualTo("heart_rate");
    Res empty = api.post("/fitness/analyze/emotional-state", athlete.token(), new JsonObject().put("heart_rate", 80));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.error().getString("field")).isEqualTo("pupil_size");
    Res other = api.post("/fitness/analyze/stress-level", athlete.token(), new JsonObject().put("heart_rate", 90)
        .put("user_id", profile(new JsonObject())));
    assertThat(other.status()).isEqualTo(403);
    assertThat(count("SELECT count(*) FROM coaching_sessions")).isEqualTo(before);
  }

  @Test
  void fullFramesAreCountedByTheSameAnalyser() {
    PoseSequence seq = PoseSequenceSynthesizer.generate(SequenceSpec.of(SimExercise.PUSH_UP, 3, 5));
    JsonArray frames = new JsonArray();
    for (PoseSample s : seq.samples()) {
      frames.add(new JsonObject().put("ts", s.tsMillis()).put("landmarks", rows(s.landmarks())));
    }
    Res res = api.post("/fitness/analyze/pose", adminToken, new JsonObject().put("exercise_name", "Push-ups")
        .put("width", 1280).put("height", 720).put("frames", frames));
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    assertThat(res.json().getInteger("reps_counted")).isEqualTo(3);
    assertThat(res.json().getJsonArray("reps")).hasSize(3);
    assertThat(res.json().getDouble("form_score")).isBetween(0.0, 100.0);
  }

  static JsonArray rows(double[][] m) {
    JsonArray out = new JsonArray();
    for (double[] r : m) {
      JsonArray row = new JsonArray();
      for (double v : r) {
        row.add(v);
      }
      out.add(row);
    }
    return out;
  }

  static byte[] frame(PoseSample p, String track, SequenceSpec spec) {
    return new JsonObject().put("ts", p.tsMillis()).put("frame", p.frame()).put("width", spec.width())
        .put("height", spec.height()).put("people", new JsonArray().add(new JsonObject().put("track", track)
            .put("format", "mediapipe33").put("landmarks", rows(p.landmarks()))))
        .encode().getBytes(StandardCharsets.UTF_8);
  }
}
